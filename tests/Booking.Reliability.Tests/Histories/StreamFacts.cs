using Booking.Core.TicketedEvents;
using EventStore;

namespace Booking.Reliability.Tests.Histories;

internal enum FactKind
{
    Booked,
    Waitlisted,
    Cancelled,
    LeftWaitlist,
    Promoted,
}

internal sealed record Fact(FactKind Kind, long UserId, long Version);

/// <summary>One ticketed event's stream as the history check sees it: who got what, at which version.</summary>
internal sealed record StreamFacts(long EventId, int TotalTickets, IReadOnlyList<Fact> Facts)
{
    public int Held => Count(FactKind.Booked) + Count(FactKind.Promoted) - Count(FactKind.Cancelled);

    public int Waiting => Count(FactKind.Waitlisted) - Count(FactKind.LeftWaitlist) - Count(FactKind.Promoted);

    public static async Task<StreamFacts> ReadAsync(IEventStore store, long eventId)
    {
        ArgumentNullException.ThrowIfNull(store);
        var (total, facts) = (-1, new List<Fact>());
        for (var from = 1L; ;)
        {
            var page = await store.ReadStreamAsync(new TicketedEventId(eventId).StreamId, from, 10_000);
            foreach (var recorded in page)
            {
                var fact = recorded.Data switch
                {
                    TicketsInitialized initialized => Initialized(initialized),
                    TicketBooked e => new Fact(FactKind.Booked, e.UserId.Value, recorded.Version),
                    WaitlistJoined e => new Fact(FactKind.Waitlisted, e.UserId.Value, recorded.Version),
                    BookingCancelled e => new Fact(FactKind.Cancelled, e.UserId.Value, recorded.Version),
                    WaitlistLeft e => new Fact(FactKind.LeftWaitlist, e.UserId.Value, recorded.Version),
                    WaitlistPromoted e => new Fact(FactKind.Promoted, e.UserId.Value, recorded.Version),
                    _ => throw new InvalidOperationException($"Unknown recorded event {recorded.EventType} at version {recorded.Version} of {eventId}."),
                };
                if (fact is not null)
                    facts.Add(fact);
            }

            if (page.Count < 10_000)
                break;
            from = page[^1].Version + 1;
        }

        return new StreamFacts(eventId, total, facts);

        Fact? Initialized(TicketsInitialized initialized)
        {
            total = initialized.TotalTickets;
            return null;
        }
    }

    private int Count(FactKind kind) => Facts.Count(f => f.Kind == kind);
}
