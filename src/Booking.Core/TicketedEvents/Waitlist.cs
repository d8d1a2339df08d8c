using System.Collections.Immutable;

namespace Booking.Core.TicketedEvents;

/// <summary>
/// Users waiting for a seat, first come first served. A queue alone cannot drop someone from the middle
/// cheaply, so each user is filed under the ever-increasing stream version at which they joined: the sorted map
/// keeps the order and the index finds a user's version, making join, leave and first all O(log n) on a list of
/// any length. The version also names the user's entry in the bookings read model.
/// </summary>
public sealed class Waitlist
{
    private readonly ImmutableSortedDictionary<long, UserId> _usersByVersion;
    private readonly ImmutableDictionary<UserId, long> _versionByUser;

    private Waitlist(ImmutableSortedDictionary<long, UserId> usersByVersion, ImmutableDictionary<UserId, long> versionByUser)
    {
        _usersByVersion = usersByVersion;
        _versionByUser = versionByUser;
    }

    public static Waitlist Empty { get; } = new(ImmutableSortedDictionary<long, UserId>.Empty, ImmutableDictionary<UserId, long>.Empty);

    public int Count => _versionByUser.Count;

    public UserId? First => _usersByVersion.IsEmpty ? null : _usersByVersion.First().Value;

    public IEnumerable<UserId> InOrder => _usersByVersion.Values;

    /// <summary>The first <paramref name="count"/> waiting users, in queue order.</summary>
    public IEnumerable<UserId> Take(int count) => _usersByVersion.Values.Take(count);

    public bool Contains(UserId user) => _versionByUser.ContainsKey(user);

    /// <summary>The stream version at which <paramref name="user"/> joined, if they wait.</summary>
    public long? JoinedAt(UserId user) => _versionByUser.TryGetValue(user, out var version) ? version : null;

    /// <summary>Files <paramref name="user"/> at the end of the queue; <paramref name="version"/> must exceed every earlier join's.</summary>
    public Waitlist Join(UserId user, long version) =>
        Contains(user) ? this : new(_usersByVersion.Add(version, user), _versionByUser.Add(user, version));

    public Waitlist Leave(UserId user) =>
        _versionByUser.TryGetValue(user, out var version) ? new(_usersByVersion.Remove(version), _versionByUser.Remove(user)) : this;
}
