using Booking.Core.Auditing;
using Booking.Core.Projections;
using Booking.Core.TicketedEvents;
using Operations.Bench.Measuring;
using Operations.Bench.Verifying;
using Operations.Bench.WhatIf;

namespace Operations.Bench;

/// <summary>
/// What is measured: the ladder of reads from the raw SELECT up to the store's ReadAllAsync; the two operations of
/// issue #4, the status rebuild and the full audit, exactly as the operator CLI calls them; and what-ifs that
/// measure the suggestions in docs/PERFORMANCE.md.
/// </summary>
internal static class Contenders
{
    public static IReadOnlyList<Contender> All(string connectionString, TimedStore store, IReadOnlyDictionary<string, TicketedEventStatus> inline) =>
    [
        Raw("raw SELECT", "plain keyset SELECT of 7 columns, values read, no JSON", new RawScan(connectionString, RawScan.PlainSelect, RowWork.Values)),
        Raw("raw SELECT + JSON", "the same, plus System.Text.Json into the event records", new RawScan(connectionString, RawScan.PlainSelect, RowWork.Json)),
        Raw("raw SELECT + JSON + RecordedEvent", "the same, plus a RecordedEvent per row, streamed (not kept)", new RawScan(connectionString, RawScan.PlainSelect, RowWork.RecordedEvent)),
        Raw("raw SELECT + JSON + RecordedEvent, page kept", "the same, each page kept in a list as ReadAllAsync returns it", new RawScan(connectionString, RawScan.PlainSelect, RowWork.RecordedEvent, keepPage: true)),
        Raw("store SELECT, unlocked", "the store's ReadAll SQL (9 columns, READ COMMITTED) without LOCK IN SHARE MODE, values read, no JSON", new RawScan(connectionString, RawScan.StoreSelectUnlocked, RowWork.Values)),
        Raw("store SELECT", "the store's ReadAll SQL as it is (LOCK IN SHARE MODE), values read, no JSON", new RawScan(connectionString, RawScan.StoreSelect, RowWork.Values)),
        ReadAll(store, StatusRebuild.PageSize),
        ReadAll(store, 5_000),
        ReadAll(store, 100_000),
        new Contender(Inv.Text($"ReadAllHeadersAsync, {StatusRebuild.PageSize:N0}/page"), "what the rebuild reads: position, stream, version, type; payload of tickets-initialized only", async () =>
        {
            var (from, read) = (1L, 0L);
            while (await store.ReadAllHeadersAsync(from, StatusRebuild.PageSize, StatusProjection.PayloadTypes) is { Count: > 0 } page)
                (from, read) = (page[^1].Position + 1, read + page.Count);
            return (read, string.Empty);
        }),
        new Contender("rebuild", "StatusRebuild.RunAsync(restart: true): read, project, write the shadow table, swap, catch up", async () =>
        {
            var result = await new StatusRebuild(store, store).RunAsync(restart: true, progress: null, CancellationToken.None);
            return (result.EventsApplied, Inv.Text($"reported {result.EventsPerSecond:N0} events/s"));
        }, () => VerifyStatusAsync(store, inline)),
        Rebuild(store, inline, 10_000, StatusRebuild.CheckpointEvery),
        Rebuild(store, inline, 20_000, StatusRebuild.CheckpointEvery),
        Rebuild(store, inline, StatusRebuild.PageSize, StatusRebuild.PageSize),
        PrefetchingRebuild(store, inline, StatusRebuild.PageSize),
        new Contender("audit", "StoreAudit.AuditAllAsync: read, check every rule at every version, then every stream row and status document", async () =>
        {
            var (streams, violations, progress) = await new StoreAudit(store).AuditAllAsync(progress: null, CancellationToken.None);
            return (progress.EventsApplied, Clean(streams, violations));
        }),
        new Contender("what-if: audit, prefetch + batched finish", "the audit with the next page requested early and 2 statements instead of 2 per stream at the end", async () =>
        {
            var (events, violations) = await new BatchedAudit(store, connectionString, StatusRebuild.PageSize).RunAsync();
            return (events, Clean(inline.Count, violations));
        }),
    ];

    private static Contender Raw(string name, string description, RawScan scan) =>
        new(name, description, async () => (await scan.RunAsync(StatusRebuild.PageSize), string.Empty));

    private static Contender ReadAll(TimedStore store, int pageSize) =>
        new(Inv.Text($"ReadAllAsync, {pageSize:N0}/page"), "the store's ReadAllAsync loop: locking SELECT, JSON, RecordedEvent, page in a list", async () =>
        {
            var (from, read) = (1L, 0L);
            while (await store.ReadAllAsync(from, pageSize) is { Count: > 0 } page)
                (from, read) = (page[^1].Position + 1, read + page.Count);
            return (read, string.Empty);
        });

    private static Contender Rebuild(TimedStore store, IReadOnlyDictionary<string, TicketedEventStatus> inline, int pageSize, int checkpointEvery) =>
        new(Inv.Text($"what-if: rebuild, {pageSize:N0}/page, checkpoint every {checkpointEvery:N0}"), "StatusRebuild.RunAsync(restart: true) with another page size or checkpoint interval", async () =>
        {
            var result = await new StatusRebuild(store, store, pageSize, checkpointEvery).RunAsync(restart: true, progress: null, CancellationToken.None);
            return (result.EventsApplied, string.Empty);
        }, () => VerifyStatusAsync(store, inline));

    private static Contender PrefetchingRebuild(TimedStore store, IReadOnlyDictionary<string, TicketedEventStatus> inline, int pageSize) =>
        new(Inv.Text($"before: rebuild on full events, prefetch, {pageSize:N0}/page"), "the rebuild as it was before headers: ReadAllAsync (every column, every payload), next page requested early", async () =>
            (await new PrefetchingRebuild(store, store, pageSize).RunAsync(), string.Empty), () => VerifyStatusAsync(store, inline));

    private static async Task VerifyStatusAsync(TimedStore store, IReadOnlyDictionary<string, TicketedEventStatus> inline)
    {
        var differences = await StatusCheck.DifferencesAsync(store, inline);
        if (differences.Count > 0)
            throw new BenchFailureException($"The rebuilt status documents differ from the inline ones in {differences.Count} place(s): {string.Join("; ", differences.Take(5))}");
    }

    private static string Clean(int streams, IReadOnlyList<AuditViolation> violations) =>
        violations.Count == 0
            ? Inv.Text($"{streams:N0} streams, 0 violations")
            : throw new BenchFailureException($"The audit found {violations.Count} violation(s) in seeded data: {string.Join("; ", violations.Take(5))}");
}

/// <summary>The bench found something wrong with what it measured; its numbers mean nothing.</summary>
internal sealed class BenchFailureException(string message) : Exception(message);
