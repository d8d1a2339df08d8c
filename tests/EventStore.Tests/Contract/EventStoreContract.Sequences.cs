namespace EventStore.Tests.Contract;

public abstract partial class EventStoreContract
{
    [Fact]
    public async Task NextNumber_of_a_new_sequence_starts_at_1_and_counts_up()
    {
        var name = $"seq-{Guid.NewGuid():N}";

        long[] numbers = [await Store.NextAsync(name), await Store.NextAsync(name), await Store.NextAsync(name)];

        numbers.ShouldBe([1L, 2, 3]);
    }

    [Fact]
    public async Task NextNumber_of_two_sequences_counts_each_on_its_own()
    {
        var (a, b) = ($"seq-a-{Guid.NewGuid():N}", $"seq-b-{Guid.NewGuid():N}");

        long[] numbers = [await Store.NextAsync(a), await Store.NextAsync(a), await Store.NextAsync(b), await Store.NextAsync(a)];

        numbers.ShouldBe([1L, 2, 1, 3]);
    }

    [Fact]
    public async Task NextNumber_by_4_concurrent_callers_hands_out_every_number_once()
    {
        var name = $"seq-race-{Guid.NewGuid():N}";
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var callers = Enumerable.Range(0, 4).Select(_ => Task.Run(async () =>
        {
            await start.Task;
            var taken = new List<long>();
            for (var i = 0; i < 50; i++)
                taken.Add(await Store.NextAsync(name));
            return taken;
        })).ToArray();
        start.SetResult();

        var numbers = (await Task.WhenAll(callers)).SelectMany(n => n).Order().ToList();

        numbers.ShouldBe(Enumerable.Range(1, 200).Select(n => (long)n), "distinct, and no gaps when every caller succeeded");
    }

    [Fact]
    public async Task NextNumber_of_a_name_that_is_not_1_to_100_ascii_characters_is_refused()
    {
        foreach (var name in new[] { string.Empty, "naïve", new string('x', 101) })
            await Should.ThrowAsync<ArgumentException>(() => Store.NextAsync(name));
    }
}
