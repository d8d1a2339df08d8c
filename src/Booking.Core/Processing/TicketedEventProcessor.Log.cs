using Booking.Core.TicketedEvents;
using Microsoft.Extensions.Logging;

namespace Booking.Core.Processing;

internal sealed partial class TicketedEventProcessor
{
    private void Log(CommandResult result)
    {
        if (result.Decision.IsRejected)
        {
            LogRejected(Id.Value, result.Decision.Rejection.Reason, result.Decision.Rejection.Detail);
            return;
        }

        foreach (var @event in result.Decision.Events)
        {
            switch (@event)
            {
                case TicketsInitialized e: LogInitialized(Id.Value, e.Name, e.TotalTickets); break;
                case TicketBooked e: LogBooked(Id.Value, e.UserId.Value, result.StateAfter.Available); break;
                case WaitlistJoined e: LogWaitlisted(Id.Value, e.UserId.Value, result.StateAfter.WaitingCount); break;
                case BookingCancelled e: LogCancelled(Id.Value, e.UserId.Value); break;
                case WaitlistLeft e: LogLeftWaitlist(Id.Value, e.UserId.Value); break;
                case WaitlistPromoted e: LogPromoted(Id.Value, e.UserId.Value); break;
            }
        }
    }

    [LoggerMessage(LogLevel.Information, "Initialized {EventId} '{EventName}' with {TotalTickets} tickets")]
    private partial void LogInitialized(Guid eventId, string eventName, int totalTickets);

    [LoggerMessage(LogLevel.Information, "Booked {EventId} for user {UserId}; {AvailableTickets} left")]
    private partial void LogBooked(Guid eventId, long userId, int availableTickets);

    [LoggerMessage(LogLevel.Information, "Waitlisted user {UserId} for {EventId} at position {Position}")]
    private partial void LogWaitlisted(Guid eventId, long userId, int position);

    [LoggerMessage(LogLevel.Information, "Cancelled booking of user {UserId} for {EventId}")]
    private partial void LogCancelled(Guid eventId, long userId);

    [LoggerMessage(LogLevel.Information, "User {UserId} left the waiting list of {EventId}")]
    private partial void LogLeftWaitlist(Guid eventId, long userId);

    [LoggerMessage(LogLevel.Information, "Promoted user {UserId} from the waiting list of {EventId}")]
    private partial void LogPromoted(Guid eventId, long userId);

    [LoggerMessage(LogLevel.Information, "Rejected a command for {EventId}: {Reason} ({Detail})")]
    private partial void LogRejected(Guid eventId, RejectionReason reason, string detail);

    [LoggerMessage(LogLevel.Warning, "Another writer appended to {EventId} (now at {ActualVersion}, we had {OurVersion}); catching up and deciding again")]
    private partial void LogConflict(Guid eventId, long actualVersion, long ourVersion);

    [LoggerMessage(LogLevel.Warning, "Append to {EventId} failed (attempt {Attempt}); retrying with the same event ids")]
    private partial void LogAppendRetry(Exception error, Guid eventId, int attempt);

    [LoggerMessage(LogLevel.Warning, "Loading {EventId} from the store failed; the first command will try again")]
    private partial void LogLoadFailed(Exception error, Guid eventId);

    [LoggerMessage(LogLevel.Error, "A batch of {Count} commands for {EventId} could not be stored; callers were told to retry")]
    private partial void LogBatchFailed(Exception error, Guid eventId, int count);
}
