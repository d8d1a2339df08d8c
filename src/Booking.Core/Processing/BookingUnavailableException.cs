namespace Booking.Core.Processing;

/// <summary>
/// The command was not acknowledged and may be sent again later. When the queue is full or the service is stopping,
/// nothing was done; when the store failed, the last append may have committed unseen (its outcome is unknown), and
/// a retry is still safe: the decider never books or cancels for the same user twice.
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
