using Booking.Core.TicketedEvents;

namespace EventBooking.Testing.Histories;

public sealed partial class HistoryChecker
{
    private void CheckRealTimeOrder()
    {
        var (answered, completions) = Answered();
        var prefix = PrefixLatest(answered);
        foreach (var operation in _operations.Where(o => _spans.ContainsKey(o.Id)))
        {
            var count = UpperBound(completions, operation.InvokedAt);
            if (count == 0)
                continue;
            var (position, by) = prefix[count - 1];
            if (_spans[operation.Id].First <= position)
            {
                Fail(HistoryRule.RealTimeOrder,
                    $"{Describe(operation)} has events from #{_spans[operation.Id].First}, but {Describe(by!)} was answered before it was sent and has events up to #{position}");
            }
        }
    }

    private void CheckRejections()
    {
        var (answered, completions) = Answered();
        var prefix = PrefixLatest(answered);
        var settled = new HashSet<long>(_spans.Values.Select(s => s.Last)) { 0 };
        for (var p = 1; p <= _log.Count; p++)
        {
            if (_log[p - 1].Data is TicketsInitialized)
                settled.Add(p);
        }

        var sent = _operations.Where(o => _spans.ContainsKey(o.Id)).Select(o => (o.InvokedAt, _spans[o.Id].First)).ToList();
        foreach (var operation in _operations.Where(o => o.Answer.IsRejected))
        {
            var count = UpperBound(completions, operation.InvokedAt);
            var from = count == 0 ? 0 : prefix[count - 1].Position;
            var to = sent.Where(s => s.InvokedAt > operation.CompletedAt).Select(s => s.First - 1).DefaultIfEmpty(_log.Count).Min();
            var justified = false;
            for (var p = from; p <= to && !justified; p++)
                justified = settled.Contains(p) && Justifies(_states[p], operation);
            if (!justified)
                Fail(HistoryRule.RejectionJustified, $"{Describe(operation)}, true at no settled version between #{from} and #{to}");
        }
    }

    private static bool Justifies(TicketedEventState state, Operation operation)
    {
        var user = new UserId(operation.UserId);
        return operation.Answer.Outcome switch
        {
            Outcome.EventNotFound => !state.Exists,
            Outcome.AlreadyBooked => state.Exists && operation.Kind == OperationKind.Book && state.IsBooked(user),
            Outcome.AlreadyWaiting => state.Exists && operation.Kind == OperationKind.Book && state.IsWaiting(user),
            Outcome.NothingToCancel => state.Exists && operation.Kind == OperationKind.Cancel && !state.IsBooked(user) && !state.IsWaiting(user),
            _ => false,
        };
    }

    // A user served by a single client sends one request at a time, so the client's answer order is the only
    // order the log may show for that user's own requests.
    private void CheckPerUserOrder()
    {
        foreach (var user in _operations.GroupBy(o => o.UserId).Where(g => g.Select(o => o.Client).Distinct().Count() == 1))
        {
            var changed = user.Where(o => o.Answer.IsAcknowledged && _spans.ContainsKey(o.Id)).ToList();
            var answered = changed.OrderBy(o => o.CompletedAt).ToList();
            var logged = changed.OrderBy(o => _spans[o.Id].First).ToList();
            if (!answered.SequenceEqual(logged))
            {
                Fail(HistoryRule.PerUserOrder,
                    $"user {user.Key} (client {user.First().Client}) was answered {Sequence(answered)} but the log has {Sequence(logged)}");
            }
        }
    }

    private string Sequence(IEnumerable<Operation> operations) =>
        "[" + string.Join(", ", operations.Select(o => $"{o.Answer.Outcome}@#{_spans[o.Id].First}")) + "]";

    private (List<(Operation Operation, long Last)> Answered, long[] Completions) Answered()
    {
        var answered = _operations.Where(o => o.Answer.IsAcknowledged && _spans.ContainsKey(o.Id))
            .OrderBy(o => o.CompletedAt).Select(o => (o, _spans[o.Id].Last)).ToList();
        return (answered, [.. answered.Select(a => a.o.CompletedAt)]);
    }

    private static (long Position, Operation? By)[] PrefixLatest(List<(Operation Operation, long Last)> answered)
    {
        var prefix = new (long Position, Operation? By)[answered.Count];
        (long Position, Operation? By) latest = (0, null);
        for (var i = 0; i < answered.Count; i++)
        {
            if (answered[i].Last > latest.Position)
                latest = (answered[i].Last, answered[i].Operation);
            prefix[i] = latest;
        }

        return prefix;
    }

    // How many of the sorted times are strictly before time.
    private static int UpperBound(long[] sorted, long time)
    {
        var (low, high) = (0, sorted.Length);
        while (low < high)
        {
            var middle = (low + high) / 2;
            if (sorted[middle] < time)
                low = middle + 1;
            else
                high = middle;
        }

        return low;
    }
}
