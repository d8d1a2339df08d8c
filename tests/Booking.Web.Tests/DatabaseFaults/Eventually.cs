namespace Booking.Web.Tests.DatabaseFaults;

/// <summary>Polls a condition until it holds or a deadline passes; the deadline is a bound, never the assertion.</summary>
public static class Eventually
{
    public static async Task HoldsAsync(Func<Task<bool>> condition, TimeSpan deadline, string what)
    {
        var until = DateTime.UtcNow + deadline;
        while (!await condition())
        {
            if (DateTime.UtcNow > until)
                throw new ShouldAssertException($"{what} did not happen within {deadline.TotalSeconds} s.");
            await Task.Delay(100);
        }
    }
}
