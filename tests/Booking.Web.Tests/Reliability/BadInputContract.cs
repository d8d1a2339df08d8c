using System.Net;
using Booking.Web.Hosting;
using Booking.Web.Tests.Hosting;

namespace Booking.Web.Tests.Reliability;

/// <summary>
/// Suite 6 of issue #6: every request in <see cref="BadInputCases"/> gets a 4xx problem+json (never a 500, HTML or an
/// empty body) and leaves the whole event log as it was. Run once per store provider.
/// </summary>
public abstract class BadInputContract(BadInputHost shared)
{
    [Theory]
    [MemberData(nameof(BadInputCases.Names), MemberType = typeof(BadInputCases))]
    public async Task Request_with_bad_input_returns_4xx_problem_json_and_leaves_the_log_unchanged(string name)
    {
        var bad = BadInputCases.All[name];
        var before = await LogSnapshot.TakeAsync(shared.Host);

        using var request = bad.ToRequest(shared.EventId);
        using var response = await shared.Client.Http.SendAsync(request);

        ((int)response.StatusCode).ShouldBeInRange(400, 499);
        var problem = await response.ShouldBeProblemAsync(bad.Status, bad.Type);
        problem.GetProperty("detail").GetString().ShouldNotBeNullOrWhiteSpace();
        (await LogSnapshot.TakeAsync(shared.Host)).ShouldBe(before);
    }

    [Theory]
    [InlineData("'); DROP TABLE events; --")]
    [InlineData("Robert'); DELETE FROM streams WHERE ('1'='1")]
    [InlineData("\" OR \"\"=\"")]
    [InlineData("1; UPDATE streams SET version = 0")]
    [InlineData("%' OR 1=1 #")]
    [InlineData("` DROP DATABASE x; -- \\'")]
    public async Task Initialize_with_sql_looking_name_stores_it_verbatim_and_every_table_survives(string name)
    {
        var before = await shared.Host.Store.ReadAllAsync(0, int.MaxValue);

        var eventId = await shared.Client.NewEventAsync(totalTickets: 1, name);

        (await shared.Client.StatusOfAsync(eventId)).Status.EventName.ShouldBe(name);
        (await shared.Client.HistoryPageAsync(eventId)).Events.ShouldHaveSingleItem().Data.EventName.ShouldBe(name);
        (await shared.Host.ReplayAsync(eventId)).Name.ShouldBe(name);
        var after = await shared.Host.Store.ReadAllAsync(0, int.MaxValue);
        after.Count.ShouldBe(before.Count + 1);
        after.Take(before.Count).ShouldBe(before);
        (await shared.Host.ReplayAsync(shared.EventId)).Version.ShouldBe(3, "the seeded stream is untouched");
        (await LogSnapshot.TakeAsync(shared.Host)).RowCounts.ShouldStartWith($"events {before.Count + 1}, streams ");
    }

    [Fact]
    public async Task Initialize_with_body_exactly_at_the_limit_returns_201()
    {
        var body = BadInput.Padded("""{"eventName": "Padded", "totalTickets": 1}""", (int)RequestBodyLimit.DefaultMaxBytes)(1);

        using var response = await shared.Client.Http.PostAsync("/api/events/initialize", new ByteArrayContent(body) { Headers = { { "Content-Type", "application/json" } } });

        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public void Bad_input_table_holds_at_least_60_distinct_cases()
    {
        BadInputCases.All.Count.ShouldBeGreaterThanOrEqualTo(60);
        // Distinct requests, not just distinct names: two cases that send the same bytes test one thing twice.
        var requests = BadInputCases.All.GroupBy(c => RequestOf(c.Value)).Where(g => g.Count() > 1).Select(g => string.Join(" = ", g.Select(c => c.Key)));
        requests.ShouldBeEmpty();
        BadInputCases.All.Values.ShouldAllBe(c => (int)c.Status >= 400 && (int)c.Status < 500 && c.Type.StartsWith("urn:eventbooking:problem:", StringComparison.Ordinal));
        BadInputCases.All.Values.Select(c => c.Type).Distinct().Count().ShouldBeGreaterThanOrEqualTo(7);
    }

    private static string RequestOf(BadInput c) =>
        $"{c.Method} {c.Path} {c.ContentType} {c.Accept} {c.Anonymous} {Convert.ToBase64String(c.Body?.Invoke(1) ?? [])}";
}

public sealed class MySqlBadInputTests(MySqlBadInputHost shared) : BadInputContract(shared), IClassFixture<MySqlBadInputHost>;

public sealed class SqliteBadInputTests(SqliteBadInputHost shared) : BadInputContract(shared), IClassFixture<SqliteBadInputHost>;
