namespace EventStore.Tests.Contract;

public abstract partial class EventStoreContract
{
    private const int Appenders = 50;
    private const int Rounds = 100;

    [Fact]
    public async Task Append_by_50_concurrent_writers_with_same_expected_version_lets_exactly_one_win_every_round()
    {
        var stream = TestEvents.StreamId("race");
        await Store.AppendAsync(stream, ExpectedVersion.NoStream, TestEvents.Numbers(1));

        for (var round = 1; round <= Rounds; round++)
        {
            var expected = ExpectedVersion.Exactly(round);
            var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var attempts = Enumerable.Range(0, Appenders)
                .Select(_ => Task.Run(async () =>
                {
                    await start.Task;
                    return await Store.AppendAsync(stream, expected, [TestEvents.Something($"round {round}")]);
                }))
                .ToArray();
            start.SetResult();
            await Task.WhenAll(attempts.Select(a => a.ContinueWith(_ => { }, TaskScheduler.Default)));

            attempts.Count(a => a.IsCompletedSuccessfully).ShouldBe(1, $"round {round}");
            var refusals = attempts.Where(a => a.IsFaulted).Select(a => a.Exception!.InnerException).ToList();
            refusals.Count.ShouldBe(Appenders - 1, $"round {round}");
            refusals.ShouldAllBe(e => e is WrongExpectedVersionException && ((WrongExpectedVersionException)e).ActualVersion == round + 1);
        }

        (await Store.GetStreamAsync(stream))!.Version.ShouldBe(Rounds + 1);
        (await Store.ReadStreamAsync(stream)).Select(e => e.Version).ShouldBe(Enumerable.Range(1, Rounds + 1).Select(v => (long)v));
    }

    [Fact]
    public async Task Append_by_concurrent_creators_of_one_stream_lets_exactly_one_win()
    {
        var stream = TestEvents.StreamId("create-race");
        var attempts = Enumerable.Range(0, Appenders)
            .Select(_ => Task.Run(() => Store.AppendAsync(stream, ExpectedVersion.NoStream, TestEvents.Numbers(1))))
            .ToArray();
        await Task.WhenAll(attempts.Select(a => a.ContinueWith(_ => { }, TaskScheduler.Default)));

        attempts.Count(a => a.IsCompletedSuccessfully).ShouldBe(1);
        attempts.Where(a => a.IsFaulted).ShouldAllBe(a => a.Exception!.InnerException is WrongExpectedVersionException);
    }
}
