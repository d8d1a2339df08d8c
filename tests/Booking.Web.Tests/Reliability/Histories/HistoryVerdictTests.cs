using System.Text.RegularExpressions;
using Booking.Core.Auditing;

namespace Booking.Web.Tests.Reliability.Histories;

public sealed partial class HistoryVerdictTests
{
    [Fact]
    public void ShouldBeClean_with_a_violation_fails_naming_the_seed_and_a_file_holding_the_whole_history()
    {
        const long eventId = 1;
        var operation = new Operation(Guid.CreateVersion7(), 7, eventId, 42, OperationKind.Book, 10, 20, new Answer(Outcome.Booked, 201));
        var verdict = new HistoryVerdict(
            [operation], [], [new HistoryViolation(eventId, HistoryRule.AnswerMatchesEvents, "no event")],
            new Dictionary<long, IReadOnlyList<LoggedEvent>> { [eventId] = [] });

        var failure = Should.Throw<ShouldAssertException>(() => verdict.ShouldBeClean("seed 1234"));

        failure.Message.ShouldContain("seed 1234");
        var path = HistoryFile().Match(failure.Message).Value;
        File.ReadAllText(path).ShouldContain($"\t{operation.Id}\t");
        File.Delete(path);
    }

    [Fact]
    public void ShouldBeClean_without_violations_passes() =>
        new HistoryVerdict([], Array.Empty<AuditViolation>(), [], new Dictionary<long, IReadOnlyList<LoggedEvent>>()).ShouldBeClean("seed 1");

    [GeneratedRegex(@"\S*eventbooking-history-\w+\.tsv")]
    private static partial Regex HistoryFile();
}
