namespace EventStore;

/// <summary>Hands out numbers 1, 2, 3, ... per named sequence, unique across every process sharing the database.</summary>
public interface ISequenceNumbers
{
    /// <summary>
    /// The next number of sequence <paramref name="name"/> (1 for its first call on a fresh database). Committed on its
    /// own transaction before it returns: a number is never handed out twice, but one whose user failed is skipped (gaps).
    /// </summary>
    /// <param name="name">The sequence: 1 to 100 ASCII characters, case-sensitive.</param>
    /// <param name="cancellationToken">Cancels the wait; a number taken before it is skipped.</param>
    Task<long> NextAsync(string name, CancellationToken cancellationToken = default);
}
