using System.Text;

namespace Http.Bench.Load;

/// <summary>
/// Classifies an answer by its status and body bytes, the same for every client. Only an unexpected answer makes a
/// string: the text of its error.
/// </summary>
internal static class Answers
{
    public static Answer Classify(BenchRequest request, int status, ReadOnlySpan<byte> body)
    {
        if (!request.IsCancel && status == 201)
        {
            if (body.IndexOf("\"status\":\"booked\""u8) >= 0)
                return new(Outcome.Booked, false, null);
            if (body.IndexOf("\"status\":\"waitlisted\""u8) >= 0)
                return new(Outcome.Waitlisted, false, null);
        }
        else if (request.IsCancel && status == 200)
        {
            if (body.IndexOf("\"status\":\"cancelled\""u8) >= 0)
                return new(Outcome.Cancelled, body.IndexOf("\"promotedUserId\":"u8) >= 0, null);
            if (body.IndexOf("\"status\":\"left-waitlist\""u8) >= 0)
                return new(Outcome.LeftWaitlist, false, null);
        }

        return new(Outcome.Unexpected, false, $"{status} {ProblemType(body)}");
    }

    // Errors are grouped by status and problem type; the detail names a user and would make every error distinct.
    private static string ProblemType(ReadOnlySpan<byte> body)
    {
        var start = body.IndexOf("\"type\":\""u8);
        if (start < 0)
            return Encoding.UTF8.GetString(body[..Math.Min(body.Length, 80)]);
        var type = body[(start + "\"type\":\""u8.Length)..];
        var end = type.IndexOf((byte)'"');
        return Encoding.UTF8.GetString(end < 0 ? type : type[..end]);
    }
}
