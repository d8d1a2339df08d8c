using Http.Bench.Load.Wrk;

namespace Http.Bench.Tests.Load.Wrk;

public class WrkOutputTests
{
    private const string Printed =
        """
        Running 10s test @ http://127.0.0.1:5999
          2 threads and 64 connections
        Requests/sec:   8349.25
        wrk-result requests=25538 duration_us=3058719 connect=0 read=1 write=2 status=3 timeout=4 p50_us=5331 p99_us=392096 p999_us=430233 max_us=434844

        """;

    [Fact]
    public void Parse_reads_the_scripts_result_line_among_wrks_own()
    {
        var output = WrkOutput.Parse(Printed);

        output.Requests.ShouldBe(25538);
        output.Duration.ShouldBe(TimeSpan.FromMicroseconds(3058719));
        output.Answered.ShouldBe(25535, "status errors are answers other than 2xx and 3xx");
        output.SocketErrors.ShouldBe(7, "connect, read, write and timeout");
        (output.P50Ms, output.P99Ms, output.P999Ms, output.MaxMs).ShouldBe((5.331, 392.096, 430.233, 434.844));
    }

    [Fact]
    public void Parse_without_the_result_line_says_which_script_prints_it() =>
        Should.Throw<InvalidDataException>(() => WrkOutput.Parse("Requests/sec: 1\n")).Message.ShouldContain("bench/wrk/hot.lua");
}
