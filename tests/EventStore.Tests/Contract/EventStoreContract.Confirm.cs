namespace EventStore.Tests.Contract;

public abstract partial class EventStoreContract
{
    [Fact]
    public async Task ConfirmVersion_is_true_for_the_current_version_only_and_changes_nothing()
    {
        var stream = TestEvents.StreamId("confirm");
        var appended = await Store.AppendAsync(stream, ExpectedVersion.NoStream, TestEvents.Numbers(2));

        (await Store.ConfirmVersionAsync(stream, 2)).ShouldBeTrue();
        (await Store.ConfirmVersionAsync(stream, 1)).ShouldBeFalse();
        (await Store.ConfirmVersionAsync(stream, 3)).ShouldBeFalse();
        (await Store.ConfirmVersionAsync(TestEvents.StreamId("missing"), 0)).ShouldBeTrue();
        (await Store.ConfirmVersionAsync(TestEvents.StreamId("missing"), 1)).ShouldBeFalse();

        (await Store.GetStreamAsync(stream))!.Version.ShouldBe(2);
        (await Store.ReadHeadPositionAsync()).ShouldBeGreaterThanOrEqualTo(appended.Positions[^1]);
        (await Store.AppendAsync(stream, ExpectedVersion.Exactly(2), TestEvents.Numbers(1))).StreamVersion.ShouldBe(3);
    }
}
