namespace EventBooking.Testing.Webhooks;

/// <summary>What a receiver's accepted deliveries must show: counted against what the log holds.</summary>
public static class DeliveryChecks
{
    /// <summary>
    /// Per ticketed event, the first delivery of each message in version order: a repeat (at least once) may go back,
    /// a first delivery never overtakes an earlier version. The problems found, empty when in order.
    /// </summary>
    public static IReadOnlyList<string> OrderProblems(IEnumerable<Delivery> accepted)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var highest = new Dictionary<long, long>();
        var problems = new List<string>();
        foreach (var delivery in accepted)
        {
            if (!seen.Add(delivery.WebhookId))
                continue;
            if (highest.TryGetValue(delivery.EventId, out var last) && delivery.Version <= last)
                problems.Add($"ticketed event {delivery.EventId}: version {delivery.Version} first delivered after version {last}");
            highest[delivery.EventId] = Math.Max(last, delivery.Version);
        }

        return problems;
    }

    /// <summary>Delivered (distinct), repeated (accepted again) and lost (expected, never accepted) messages.</summary>
    public static (int Delivered, int Repeated, int Lost) Count(IReadOnlyCollection<string> expectedIds, IReadOnlyList<Delivery> accepted)
    {
        var distinct = accepted.Select(d => d.WebhookId).ToHashSet(StringComparer.Ordinal);
        return (distinct.Count, accepted.Count - distinct.Count, expectedIds.Count(id => !distinct.Contains(id)));
    }

    /// <summary>
    /// Nodes that delivered one subscription: the sequence of node changes in arrival order. One node, or one hand-over
    /// from the first to the second, is what a lease allows when the first stopped; A, B, A within a run is not.
    /// </summary>
    public static IReadOnlyList<string> NodeRuns(IEnumerable<Attempt> attempts)
    {
        var runs = new List<string>();
        foreach (var attempt in attempts.OrderBy(a => a.StartedAt))
        {
            if (runs.Count == 0 || runs[^1] != attempt.Node)
                runs.Add(attempt.Node);
        }

        return runs;
    }
}
