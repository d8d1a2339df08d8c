using System.Text;
using Http.Bench.Load;

namespace Http.Bench.Tests.Load;

public class AnswersTests
{
    // Outcome is internal to the harness: a public test method takes its name.
    [Theory]
    [InlineData(false, 201, "{\"status\":\"booked\"}", nameof(Outcome.Booked), false)]
    [InlineData(false, 201, "{\"status\":\"waitlisted\"}", nameof(Outcome.Waitlisted), false)]
    [InlineData(true, 200, "{\"status\":\"cancelled\",\"promotedUserId\":5}", nameof(Outcome.Cancelled), true)]
    [InlineData(true, 200, "{\"status\":\"cancelled\"}", nameof(Outcome.Cancelled), false)]
    [InlineData(true, 200, "{\"status\":\"left-waitlist\"}", nameof(Outcome.LeftWaitlist), false)]
    public void Classify_expected_answer_returns_its_outcome(bool isCancel, int status, string body, string outcome, bool promoted) =>
        Classify(isCancel, status, body).ShouldBe(new Answer(Enum.Parse<Outcome>(outcome), promoted, null));

    [Fact]
    public void Classify_problem_returns_unexpected_with_its_status_and_type_only()
    {
        var answer = Classify(false, 503, "{\"type\":\"https://x/queue-full\",\"detail\":\"u1\"}");

        answer.ShouldBe(new Answer(Outcome.Unexpected, false, "503 https://x/queue-full"));
    }

    [Fact]
    public void Classify_booked_body_with_the_wrong_status_returns_unexpected_with_the_body()
    {
        var answer = Classify(false, 200, "{\"status\":\"booked\"}");

        answer.ShouldBe(new Answer(Outcome.Unexpected, false, "200 {\"status\":\"booked\"}"));
    }

    private static Answer Classify(bool isCancel, int status, string body) =>
        Answers.Classify(new BenchRequest(isCancel, 1, 1), status, Encoding.UTF8.GetBytes(body));
}
