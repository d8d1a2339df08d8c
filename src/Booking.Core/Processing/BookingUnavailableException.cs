namespace Booking.Core.Processing;

/// <summary>
/// The command was not carried out and may be sent again later: the queue is full, the service is stopping,
/// or the store failed. Nothing the caller asked for was acknowledged.
/// </summary>
public sealed class BookingUnavailableException : Exception
{
    public BookingUnavailableException(string message, TimeSpan retryAfter, Exception? inner = null)
        : base(message, inner) => RetryAfter = retryAfter;

    public BookingUnavailableException()
        : this("The booking service is unavailable.", TimeSpan.FromSeconds(1))
    {
    }

    public BookingUnavailableException(string message)
        : this(message, TimeSpan.FromSeconds(1))
    {
    }

    public BookingUnavailableException(string message, Exception innerException)
        : this(message, TimeSpan.FromSeconds(1), innerException)
    {
    }

    /// <summary>When a retry makes sense.</summary>
    public TimeSpan RetryAfter { get; }
}
