// Every test here runs service processes and MariaDB on a two-core box: one at a time.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
