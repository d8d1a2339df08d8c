using Testcontainers.MySql;

namespace EventBooking.Testing;

/// <summary>MySQL in a container, used only where a Docker engine answers.</summary>
internal static class DockerMySql
{
    public static async Task<string?> TryStartAsync(List<string> reasons)
    {
        if (!File.Exists("/var/run/docker.sock") && Environment.GetEnvironmentVariable("DOCKER_HOST") is null)
        {
            reasons.Add("no Docker engine (no /var/run/docker.sock, no DOCKER_HOST)");
            return null;
        }

        try
        {
            var container = new MySqlBuilder("mysql:8.4").WithUsername("root").WithPassword("test").Build();
            using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
            await container.StartAsync(timeout.Token);
            AppDomain.CurrentDomain.ProcessExit += (_, _) => container.DisposeAsync().AsTask().Wait(TimeSpan.FromSeconds(10));
            return container.GetConnectionString();
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            reasons.Add($"Docker did not start MySQL ({e.GetType().Name}: {e.Message})");
            return null;
        }
    }
}
