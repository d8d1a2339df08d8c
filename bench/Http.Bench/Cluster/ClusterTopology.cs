namespace Http.Bench.Cluster;

/// <summary>Where the service nodes of the cluster scenario keep their data (docs/CLUSTER.md).</summary>
internal enum ClusterTopology
{
    /// <summary>One MariaDB server, every service node on it.</summary>
    OneMariaDb,

    /// <summary>A 3-node Galera cluster, every service node writing through node 1.</summary>
    GaleraOneWriter,

    /// <summary>A 3-node Galera cluster, service node n writing through Galera node n (modulo 3).</summary>
    GaleraMultiWriter,
}
