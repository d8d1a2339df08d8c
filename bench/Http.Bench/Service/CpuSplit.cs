namespace Http.Bench.Service;

/// <summary>
/// Who used the two cores during a measurement: the service, mariadbd, this load generator, and everything else on
/// the machine (other work on a shared box). In cores: 1.0 is one core busy for the whole window.
/// </summary>
internal sealed record CpuSplit(double Service, double Database, double LoadGenerator, double Other, double Idle, long ServiceContextSwitches)
{
    public static Probe Start(int servicePid, int? databasePid) => new(servicePid, databasePid);

    public sealed class Probe
    {
        private readonly int _service;
        private readonly int? _database;
        private readonly double _serviceStart;
        private readonly double _databaseStart;
        private readonly double _selfStart;
        private readonly (double Busy, double Total) _machineStart;
        private readonly Dictionary<int, long> _switchesStart;

        public Probe(int servicePid, int? databasePid)
        {
            _service = servicePid;
            _database = databasePid;
            _serviceStart = ProcFs.CpuSeconds(servicePid);
            _databaseStart = databasePid is { } d ? ProcFs.CpuSeconds(d) : 0;
            _selfStart = ProcFs.CpuSeconds(Environment.ProcessId);
            _machineStart = ProcFs.MachineCpuSeconds();
            _switchesStart = ProcFs.ContextSwitches(servicePid);
        }

        public CpuSplit Stop(TimeSpan elapsed)
        {
            var seconds = elapsed.TotalSeconds;
            var service = (ProcFs.CpuSeconds(_service) - _serviceStart) / seconds;
            var database = _database is { } d ? (ProcFs.CpuSeconds(d) - _databaseStart) / seconds : 0;
            var self = (ProcFs.CpuSeconds(Environment.ProcessId) - _selfStart) / seconds;
            var (busy, total) = ProcFs.MachineCpuSeconds();
            var machineBusy = (busy - _machineStart.Busy) / seconds;
            var cores = (total - _machineStart.Total) / seconds;
            var switches = ProcFs.ContextSwitchesSince(_switchesStart, ProcFs.ContextSwitches(_service));
            return new CpuSplit(service, database, self, Math.Max(0, machineBusy - service - database - self), Math.Max(0, cores - machineBusy), switches);
        }
    }
}
