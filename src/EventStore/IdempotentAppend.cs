namespace EventStore;

/// <summary>
/// Decides whether an append that was refused had in fact been stored before (a retry after a lost
/// acknowledgement): only when every event id is already in the same stream, in the same order, at
/// consecutive versions, does the retry get the original result.
/// </summary>
internal static class IdempotentAppend
{
    public static AppendResult? OriginalResult(PreparedAppend append, IReadOnlyList<StoredEventIdentity> stored)
    {
        if (stored.Count != append.Events.Count)
            return null;

        var byId = stored.ToDictionary(s => s.EventId);
        var positions = new long[append.Events.Count];
        long? firstVersion = null;
        for (var i = 0; i < append.Events.Count; i++)
        {
            if (!byId.TryGetValue(append.Events[i].EventId, out var s) || !string.Equals(s.StreamId, append.StreamId, StringComparison.Ordinal))
                return null;
            firstVersion ??= s.Version;
            if (s.Version != firstVersion + i)
                return null;
            positions[i] = s.Position;
        }

        return new AppendResult(firstVersion!.Value + append.Events.Count - 1, positions);
    }
}

internal sealed record StoredEventIdentity(Guid EventId, string StreamId, long Version, long Position);
