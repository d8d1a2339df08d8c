using Http.Bench.Load;
using Http.Bench.Profiling;
using Http.Bench.Service;

namespace Http.Bench.Scenarios;

/// <summary>
/// One scenario: its settings, the measured load (or, for the sweep, one per step), and the checks after it. Books and
/// audit are null where they do not apply (the ceiling: a server that keeps no books).
/// </summary>
internal sealed record ScenarioResult(
    string Name,
    string Description,
    string Batching,
    string LogLevel,
    IReadOnlyList<Step> Steps,
    Books? Books,
    AuditResult? Audit,
    double PeakRssMib,
    double EndRssMib,
    string LoadBefore,
    string LoadAfter,
    ServiceProfile? Profile)
{
    /// <summary>The step the scenario's headline figures come from: the only one, or the last of a sweep.</summary>
    public LoadResult Load => Steps[^1].Load;

    /// <summary>The booking log's lines against the bookings, where the service logged at Information.</summary>
    public BookingLog? Log { get; init; }

    public long Errors => Steps.Sum(s => s.Load.Errors);

    public bool Passed => (Books?.Balanced ?? true) && (Audit?.Clean ?? true) && Errors == 0;
}

/// <summary>One measured window, with the highest resident set sampled during it.</summary>
internal sealed record Step(LoadResult Load, double SampledPeakRssMib);
