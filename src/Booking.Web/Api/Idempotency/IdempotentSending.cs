using Booking.Core.Idempotency;
using Booking.Core.Processing;
using Booking.Core.TicketedEvents;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Booking.Web.Api.Idempotency;

/// <summary>Sends a route's command with the request's idempotency key, and answers with what the key's record says.</summary>
internal static class IdempotentSending
{
    /// <summary>
    /// Sends <paramref name="command"/> with <paramref name="key"/>. The first time, <paramref name="answer"/> (the route's
    /// own answer) is stored as the reply with the events and that stored reply is sent; later, it is replayed.
    /// </summary>
    public static Task<Results<TSuccess, ProblemHttpResult, StoredReply>> SendAsync<TSuccess>(
        this BookingProcessors processors, IdempotencyKey key, TicketedEventId id, TicketedEventCommand command, HttpContext context,
        Func<CommandResult, Results<TSuccess, ProblemHttpResult, StoredReply>> answer)
        where TSuccess : IResult =>
        processors.SendAsync(key, () => Task.FromResult((id, command)), context, answer);

    /// <summary>As the other overload, with the ticketed event and command made only once the key turned out to be new.</summary>
    public static async Task<Results<TSuccess, ProblemHttpResult, StoredReply>> SendAsync<TSuccess>(
        this BookingProcessors processors, IdempotencyKey key, Func<Task<(TicketedEventId Id, TicketedEventCommand Command)>> address,
        HttpContext context, Func<CommandResult, Results<TSuccess, ProblemHttpResult, StoredReply>> answer)
        where TSuccess : IResult
    {
        ArgumentNullException.ThrowIfNull(processors);
        ArgumentNullException.ThrowIfNull(key);
        var request = new IdempotentRequest(key.Key, key.Fingerprint, new RouteReplyFormat<TSuccess>(answer));
        var outcome = await processors.SendAsync(address, Correlation.Of(context), request);
        return IdempotencyAnswers.For<TSuccess>(outcome, context);
    }
}
