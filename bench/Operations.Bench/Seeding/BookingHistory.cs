using System.Globalization;
using Booking.Core.TicketedEvents;
using EventStore;

namespace Operations.Bench.Seeding;

/// <summary>
/// One ticketed event's history, written by the real decider from random commands: sales until it sells out, then
/// a waiting list fed by new bookings and drained by cancellations (with promotions) and by people leaving it.
/// Every event is one the service could have stored, so the audit of the seeded store is clean.
/// </summary>
internal sealed class BookingHistory
{
    private readonly Random _random;
    private readonly string _name;
    private readonly int _tickets;
    private readonly List<UserId> _booked = [];
    private readonly List<UserId> _waiting = [];
    private long _remaining;
    private long _nextUser;

    public BookingHistory(int index, long length, Random random)
    {
        _random = random;
        _remaining = length;
        _name = $"Show {index.ToString("D5", CultureInfo.InvariantCulture)}";
        // Sells out somewhere in the first half or so of its history, so both phases get events.
        _tickets = (int)Math.Max(1, random.NextInt64(length / 10, Math.Max(length / 10 + 1, length / 2)));
        _nextUser = (index + 1) * 10_000_000L;
        Id = new TicketedEventId(index + 1);
    }

    public TicketedEventId Id { get; }

    /// <summary>The state after every event handed out so far.</summary>
    public TicketedEventState State { get; private set; } = TicketedEventState.Initial;

    /// <summary>The stream version before the events of the last <see cref="Next"/>: the append's expected version.</summary>
    public long VersionBefore { get; private set; }

    public bool Done => _remaining == 0;

    /// <summary>The longest the waiting list has been.</summary>
    public int PeakWaiting { get; private set; }

    /// <summary>The events of the next decisions, at most <paramref name="maxEvents"/>, never splitting a decision.</summary>
    public IReadOnlyList<NewEvent> Next(int maxEvents)
    {
        VersionBefore = State.Version;
        var events = new List<NewEvent>(maxEvents);
        while (_remaining > 0 && events.Count < maxEvents)
        {
            var command = NextCommand(room: (int)Math.Min(_remaining, maxEvents - events.Count));
            var decision = TicketedEventDecider.Decide(State, command);
            if (decision.IsRejected)
                throw new InvalidOperationException($"The generator issued a command the decider refused: {decision.Rejection.Detail}");

            var correlation = Guid.CreateVersion7();
            foreach (var data in decision.Events)
            {
                State = TicketedEventState.Evolve(State, data);
                Track(data);
                events.Add(NewEvent.For(data, correlation));
            }

            _remaining -= decision.Events.Count;
        }

        return events;
    }

    // A cancellation while people wait yields two events (cancelled, promoted); with room for one only, book instead.
    private TicketedEventCommand NextCommand(int room)
    {
        if (!State.Exists)
            return new InitializeTickets(Id, _name, _tickets);

        var roll = _random.NextDouble();
        var canCancelBooked = _booked.Count > 0 && (room > 1 || _waiting.Count == 0);
        if (State.Available > 0)
            return roll < 0.8 || !canCancelBooked ? Book() : new CancelBooking(Pick(_booked));

        // More join the queue than leave it, so the waiting list grows through the sold-out phase.
        return roll switch
        {
            < 0.25 when canCancelBooked => new CancelBooking(Pick(_booked)),
            < 0.40 when _waiting.Count > 0 => new CancelBooking(Pick(_waiting)),
            _ => Book(),
        };
    }

    private BookTicket Book() => new(new UserId(++_nextUser));

    private UserId Pick(List<UserId> users) => users[_random.Next(users.Count)];

    private void Track(object data)
    {
        switch (data)
        {
            case TicketBooked(var user):
                _booked.Add(user);
                break;
            case WaitlistJoined(var user):
                _waiting.Add(user);
                PeakWaiting = Math.Max(PeakWaiting, _waiting.Count);
                break;
            case BookingCancelled(var user):
                _booked.Remove(user);
                break;
            case WaitlistLeft(var user):
                _waiting.Remove(user);
                break;
            case WaitlistPromoted(var user):
                _waiting.Remove(user);
                _booked.Add(user);
                break;
        }
    }
}
