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

    [LoggerMessage(LogLevel.Information, "Initialized {TicketedEventId} '{EventName}' with {TotalTickets} tickets")]
    private partial void LogInitialized(Guid ticketedEventId, string eventName, int totalTickets);

    [LoggerMessage(LogLevel.Information, "Booked {TicketedEventId} for user {UserId}; {AvailableTickets} left")]
    private partial void LogBooked(Guid ticketedEventId, long userId, int availableTickets);

    [LoggerMessage(LogLevel.Information, "Waitlisted user {UserId} for {TicketedEventId} at position {Position}")]
    private partial void LogWaitlisted(Guid ticketedEventId, long userId, int position);

    [LoggerMessage(LogLevel.Information, "Cancelled booking of user {UserId} for {TicketedEventId}")]
    private partial void LogCancelled(Guid ticketedEventId, long userId);

    [LoggerMessage(LogLevel.Information, "User {UserId} left the waiting list of {TicketedEventId}")]
    private partial void LogLeftWaitlist(Guid ticketedEventId, long userId);

    [LoggerMessage(LogLevel.Information, "Promoted user {UserId} from the waiting list of {TicketedEventId}")]
    private partial void LogPromoted(Guid ticketedEventId, long userId);

    [LoggerMessage(LogLevel.Information, "Rejected a command for {TicketedEventId}: {Reason} ({Detail})")]
    private partial void LogRejected(Guid ticketedEventId, RejectionReason reason, string detail);

    [LoggerMessage(LogLevel.Warning, "Another writer appended to {TicketedEventId} (now at {ActualVersion}, we had {OurVersion}); catching up and deciding again")]
    private partial void LogConflict(Guid ticketedEventId, long actualVersion, long ourVersion);

    [LoggerMessage(LogLevel.Warning, "Append to {TicketedEventId} failed (attempt {Attempt}); retrying with the same event ids")]
    private partial void LogAppendRetry(Exception error, Guid ticketedEventId, int attempt);

    [LoggerMessage(LogLevel.Error, "The state of {TicketedEventId} at version {Version} is not the stream's (another event is stored there); reloading it from the start")]
    private partial void LogDiverged(Guid ticketedEventId, long version);

    [LoggerMessage(LogLevel.Warning, "Loading {TicketedEventId} from the store failed; the first command will try again")]
    private partial void LogLoadFailed(Exception error, Guid ticketedEventId);

    [LoggerMessage(LogLevel.Error, "A batch of {Count} commands for {TicketedEventId} could not be stored; callers were told to retry")]
    private partial void LogBatchFailed(Exception error, Guid ticketedEventId, int count);
}
