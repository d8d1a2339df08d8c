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
                case CapacityChanged e: LogCapacityChanged(Id.Value, e.TotalTickets, result.StateAfter.Available); break;
                case SalesClosed: LogSalesClosed(Id.Value); break;
                case SalesReopened: LogSalesReopened(Id.Value); break;
                default: throw TicketedEventEvent.Unknown(@event);
            }
        }
    }

    [LoggerMessage(LogLevel.Information, "Initialized {TicketedEventId} '{EventName}' with {TotalTickets} tickets")]
    private partial void LogInitialized(long ticketedEventId, string eventName, int totalTickets);

    [LoggerMessage(LogLevel.Information, "Booked {TicketedEventId} for user {UserId}; {AvailableTickets} left")]
    private partial void LogBooked(long ticketedEventId, long userId, int availableTickets);

    [LoggerMessage(LogLevel.Information, "Waitlisted user {UserId} for {TicketedEventId} at position {Position}")]
    private partial void LogWaitlisted(long ticketedEventId, long userId, int position);

    [LoggerMessage(LogLevel.Information, "Cancelled booking of user {UserId} for {TicketedEventId}")]
    private partial void LogCancelled(long ticketedEventId, long userId);

    [LoggerMessage(LogLevel.Information, "User {UserId} left the waiting list of {TicketedEventId}")]
    private partial void LogLeftWaitlist(long ticketedEventId, long userId);

    [LoggerMessage(LogLevel.Information, "Promoted user {UserId} from the waiting list of {TicketedEventId}")]
    private partial void LogPromoted(long ticketedEventId, long userId);

    [LoggerMessage(LogLevel.Information, "Capacity of {TicketedEventId} set to {TotalTickets} tickets; {AvailableTickets} left")]
    private partial void LogCapacityChanged(long ticketedEventId, int totalTickets, int availableTickets);

    [LoggerMessage(LogLevel.Information, "Sales of {TicketedEventId} closed")]
    private partial void LogSalesClosed(long ticketedEventId);

    [LoggerMessage(LogLevel.Information, "Sales of {TicketedEventId} reopened")]
    private partial void LogSalesReopened(long ticketedEventId);

    [LoggerMessage(LogLevel.Information, "Rejected a command for {TicketedEventId}: {Reason} ({Detail})")]
    private partial void LogRejected(long ticketedEventId, RejectionReason reason, string detail);

    [LoggerMessage(LogLevel.Warning, "Another writer appended to {TicketedEventId} (now at {ActualVersion}, we had {OurVersion}); catching up and deciding again")]
    private partial void LogConflict(long ticketedEventId, long actualVersion, long ourVersion);

    [LoggerMessage(LogLevel.Warning, "Append to {TicketedEventId} failed (attempt {Attempt}); retrying with the same event ids")]
    private partial void LogAppendRetry(Exception error, long ticketedEventId, int attempt);

    [LoggerMessage(LogLevel.Warning, "Loading {TicketedEventId} from the store failed; the first command will try again")]
    private partial void LogLoadFailed(Exception error, long ticketedEventId);

    [LoggerMessage(LogLevel.Error, "A batch of {Count} commands for {TicketedEventId} could not be stored; callers were told to retry")]
    private partial void LogBatchFailed(Exception error, long ticketedEventId, int count);
}
