namespace Http.Bench.Service;

/// <summary>
/// Who used the two cores during a measurement: the service, mariadbd, this load generator, and everything else on
/// the machine (other work on a shared box). In cores: 1.0 is one core busy for the whole window. The load generator
/// is this process, or wrk when wrk drives the load.
/// </summary>
internal sealed record CpuSplit(double Service, double Database, double LoadGenerator, double Other, double Idle, long ServiceContextSwitches)
{
    public static Probe Start(int servicePid, int? databasePid, int? generatorPid = null) =>
        new([servicePid], databasePid is { } d ? [d] : [], generatorPid ?? Environment.ProcessId);

    /// <summary>Several service nodes and database nodes, each group summed in its column; context switches are the first node's.</summary>
    public static Probe Start(IReadOnlyList<int> servicePids, IReadOnlyList<int> databasePids) => new(servicePids, databasePids, Environment.ProcessId);

    public sealed class Probe
    {
        private readonly IReadOnlyList<int> _services;
        private readonly IReadOnlyList<int> _databases;
        private readonly double _serviceStart;
        private readonly double _databaseStart;
        private readonly int _generator;
        private readonly double _generatorStart;
        private readonly (double Busy, double Total) _machineStart;
        private readonly Dictionary<int, long> _switchesStart;

        public Probe(IReadOnlyList<int> servicePids, IReadOnlyList<int> databasePids, int generatorPid)
        {
            _services = servicePids;
            _databases = databasePids;
            _generator = generatorPid;
            _serviceStart = _services.Sum(ProcFs.CpuSeconds);
            _databaseStart = _databases.Sum(ProcFs.CpuSeconds);
            _generatorStart = ProcFs.CpuSeconds(generatorPid);
            _machineStart = ProcFs.MachineCpuSeconds();
            _switchesStart = ProcFs.ContextSwitches(servicePids[0]);
        }

        public CpuSplit Stop(TimeSpan elapsed)
        {
            var seconds = elapsed.TotalSeconds;
            var service = (_services.Sum(ProcFs.CpuSeconds) - _serviceStart) / seconds;
            var database = (_databases.Sum(ProcFs.CpuSeconds) - _databaseStart) / seconds;
            var self = (ProcFs.CpuSeconds(_generator) - _generatorStart) / seconds;
            var (busy, total) = ProcFs.MachineCpuSeconds();
            var machineBusy = (busy - _machineStart.Busy) / seconds;
            var cores = (total - _machineStart.Total) / seconds;
            var switches = ProcFs.ContextSwitchesSince(_switchesStart, ProcFs.ContextSwitches(_services[0]));
            return new CpuSplit(service, database, self, Math.Max(0, machineBusy - service - database - self), Math.Max(0, cores - machineBusy), switches);
        }
    }
}
