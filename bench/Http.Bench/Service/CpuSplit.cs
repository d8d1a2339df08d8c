namespace Http.Bench.Service;

/// <summary>
/// Who used the two cores during a measurement: the service, mariadbd, this load generator, and everything else on
/// the machine (other work on a shared box). In cores: 1.0 is one core busy for the whole window. The load generator
/// is this process, or wrk when wrk drives the load.
/// </summary>
internal sealed record CpuSplit(double Service, double Database, double LoadGenerator, double Other, double Idle, long ServiceContextSwitches)
{
    public static Probe Start(int servicePid, int? databasePid, int? generatorPid = null) => new(servicePid, databasePid, generatorPid ?? Environment.ProcessId);

    public sealed class Probe
    {
        private readonly int _service;
        private readonly int? _database;
        private readonly double _serviceStart;
        private readonly double _databaseStart;
        private readonly int _generator;
        private readonly double _generatorStart;
        private readonly (double Busy, double Total) _machineStart;
        private readonly Dictionary<int, long> _switchesStart;

        public Probe(int servicePid, int? databasePid, int generatorPid)
        {
            _service = servicePid;
            _database = databasePid;
            _generator = generatorPid;
            _serviceStart = ProcFs.CpuSeconds(servicePid);
            _databaseStart = databasePid is { } d ? ProcFs.CpuSeconds(d) : 0;
            _generatorStart = ProcFs.CpuSeconds(generatorPid);
            _machineStart = ProcFs.MachineCpuSeconds();
            _switchesStart = ProcFs.ContextSwitches(servicePid);
        }

        public CpuSplit Stop(TimeSpan elapsed)
        {
            var seconds = elapsed.TotalSeconds;
            var service = (ProcFs.CpuSeconds(_service) - _serviceStart) / seconds;
            var database = _database is { } d ? (ProcFs.CpuSeconds(d) - _databaseStart) / seconds : 0;
            var self = (ProcFs.CpuSeconds(_generator) - _generatorStart) / seconds;
            var (busy, total) = ProcFs.MachineCpuSeconds();
            var machineBusy = (busy - _machineStart.Busy) / seconds;
            var cores = (total - _machineStart.Total) / seconds;
            var switches = ProcFs.ContextSwitchesSince(_switchesStart, ProcFs.ContextSwitches(_service));
            return new CpuSplit(service, database, self, Math.Max(0, machineBusy - service - database - self), Math.Max(0, cores - machineBusy), switches);
        }
    }
}
