using Booking.Core.TicketedEvents;

namespace Booking.Core.Telemetry;

/// <summary>
/// The tag sets of eventbooking.commands, built once: every (command, outcome) pair and every refusal reason, so a
/// recording looks an array up instead of building tags.
/// </summary>
internal static class CommandTags
{
    private static readonly string[] Commands = ["initialize", "book", "cancel", "change_capacity", "close_sales", "reopen_sales"];

    // The outcome of an accepted command is its first event.
    private static readonly string[] Outcomes =
        ["initialized", "booked", "waitlisted", "cancelled", "left_waitlist", "promoted", "capacity_changed", "sales_closed", "sales_reopened"];

    private static readonly int ReasonCount = Enum.GetValues<RejectionReason>().Length;

    private static readonly KeyValuePair<string, object?>[][] AcceptedTags = Build(Outcomes, outcome => [new("outcome", outcome)]);
    private static readonly KeyValuePair<string, object?>[][] RefusedTags =
        Build([.. Enum.GetValues<RejectionReason>().Select(Reason)], reason => [new("outcome", "refused"), new("reason", reason)]);
    private static readonly KeyValuePair<string, object?>[][] UnavailableTags = Build(["unavailable"], outcome => [new("outcome", outcome)]);

    public static ReadOnlySpan<KeyValuePair<string, object?>> Accepted(TicketedEventCommand command, TicketedEventEvent firstEvent) =>
        AcceptedTags[(Index(command) * Outcomes.Length) + Outcome(firstEvent)];

    public static ReadOnlySpan<KeyValuePair<string, object?>> Refused(TicketedEventCommand command, RejectionReason reason) =>
        RefusedTags[(Index(command) * ReasonCount) + (int)reason];

    public static ReadOnlySpan<KeyValuePair<string, object?>> Unavailable(TicketedEventCommand command) => UnavailableTags[Index(command)];

    /// <summary>snake_case of the reason: AlreadyBooked is already_booked.</summary>
    public static string Reason(RejectionReason reason) =>
        string.Concat(reason.ToString().Select((c, i) => char.IsUpper(c) ? (i > 0 ? "_" : string.Empty) + char.ToLowerInvariant(c) : c.ToString()));

    private static KeyValuePair<string, object?>[][] Build(string[] values, Func<string, KeyValuePair<string, object?>[]> tags) =>
        [.. Commands.SelectMany(command => values.Select(value => (KeyValuePair<string, object?>[])[new("command", command), .. tags(value)]))];

    private static int Index(TicketedEventCommand command) => command switch
    {
        InitializeTickets => 0,
        BookTicket => 1,
        CancelBooking => 2,
        ChangeCapacity => 3,
        CloseSales => 4,
        ReopenSales => 5,
        _ => throw new ArgumentOutOfRangeException(nameof(command), command.GetType().Name, "Unknown command."),
    };

    private static int Outcome(TicketedEventEvent @event) => @event switch
    {
        TicketsInitialized => 0,
        TicketBooked => 1,
        WaitlistJoined => 2,
        BookingCancelled => 3,
        WaitlistLeft => 4,
        WaitlistPromoted => 5,
        CapacityChanged => 6,
        SalesClosed => 7,
        SalesReopened => 8,
        _ => throw TicketedEventEvent.Unknown(@event),
    };
}
