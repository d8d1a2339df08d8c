using System.Collections.Immutable;

namespace Booking.Core.TicketedEvents;

/// <summary>
/// Users waiting for a seat, first come first served. A queue alone cannot drop someone from the middle
/// cheaply, so each user gets an ever-increasing sequence number: the sorted map keeps the order and the
/// index finds a user's number, making join, leave and first all O(log n) on a list of any length.
/// </summary>
public sealed class Waitlist
{
    private readonly ImmutableSortedDictionary<long, UserId> _usersBySequence;
    private readonly ImmutableDictionary<UserId, long> _sequenceByUser;
    private readonly long _nextSequence;

    private Waitlist(
        ImmutableSortedDictionary<long, UserId> usersBySequence,
        ImmutableDictionary<UserId, long> sequenceByUser,
        long nextSequence)
    {
        _usersBySequence = usersBySequence;
        _sequenceByUser = sequenceByUser;
        _nextSequence = nextSequence;
    }

    public static Waitlist Empty { get; } =
        new(ImmutableSortedDictionary<long, UserId>.Empty, ImmutableDictionary<UserId, long>.Empty, 0);

    public int Count => _sequenceByUser.Count;

    public UserId? First => _usersBySequence.IsEmpty ? null : _usersBySequence.First().Value;

    public IEnumerable<UserId> InOrder => _usersBySequence.Values;

    public bool Contains(UserId user) => _sequenceByUser.ContainsKey(user);

    public Waitlist Join(UserId user) =>
        Contains(user)
            ? this
            : new(
                _usersBySequence.Add(_nextSequence, user),
                _sequenceByUser.Add(user, _nextSequence),
                _nextSequence + 1);

    public Waitlist Leave(UserId user) =>
        _sequenceByUser.TryGetValue(user, out var sequence)
            ? new(_usersBySequence.Remove(sequence), _sequenceByUser.Remove(user), _nextSequence)
            : this;
}
