using System.Diagnostics;

namespace Http.Bench.Service;

/// <summary>The Release build of src/Booking.Web: built once per harness run, then started and audited as separate processes.</summary>
internal sealed class ServiceBinary(string repositoryRoot)
{
    public string RepositoryRoot { get; } = repositoryRoot;

    public string Directory => Path.Combine(RepositoryRoot, "src", "Booking.Web", "bin", "Release", "net10.0");

    public string Dll => Path.Combine(Directory, "Booking.Web.dll");

    /// <summary>The command line a reader can paste, relative to the repository root.</summary>
    public static string BuildCommand => "dotnet build -c Release src/Booking.Web";

    public async Task BuildAsync()
    {
        var (exit, output) = await RunAsync("dotnet", ["build", "-c", "Release", Path.Combine(RepositoryRoot, "src", "Booking.Web"), "-nologo", "-v", "q"], RepositoryRoot, null);
        if (exit != 0)
            throw new InvalidOperationException($"{BuildCommand} failed (exit {exit}):\n{Tail(output, 40)}");
        if (!File.Exists(Dll))
            throw new InvalidOperationException($"{BuildCommand} succeeded but {Dll} is missing.");
    }

    /// <summary><c>dotnet Booking.Web.dll audit --all</c> with the service's environment: exit code, seconds, last lines.</summary>
    public async Task<AuditResult> AuditAsync(IReadOnlyDictionary<string, string> environment)
    {
        var watch = Stopwatch.StartNew();
        var (exit, output) = await RunAsync("dotnet", [Dll, "audit", "--all"], Directory, environment);
        return new AuditResult(exit, watch.Elapsed, Tail(output, 3));
    }

    public static async Task<(int Exit, string Output)> RunAsync(
        string file, IEnumerable<string> arguments, string workingDirectory, IReadOnlyDictionary<string, string>? environment)
    {
        var start = new ProcessStartInfo(file) { WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
            start.Environment[key] = value;
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {file}.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await stdout + await stderr);
    }

    public static string Tail(string text, int lines) =>
        string.Join('\n', text.Split('\n', StringSplitOptions.RemoveEmptyEntries).TakeLast(lines)).Trim();
}

/// <summary>The outcome of <c>audit --all</c>: exit code 0 means every stream is clean.</summary>
internal sealed record AuditResult(int ExitCode, TimeSpan Elapsed, string Summary)
{
    public bool Clean => ExitCode == 0;
}
