using System.Net.Http.Json;
using System.Text.Json;
using Booking.Web.Api;
using Booking.Web.Security;
using Booking.Web.Tests.Hosting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Booking.Web.Tests.ApiDocs;

/// <summary>The facts a client generator relies on, read from the served document (the store plays no part: SQLite only).</summary>
public sealed class OpenApiDocumentTests(SqliteSharedHost shared) : IClassFixture<SqliteSharedHost>
{
    private static readonly string[] BodilessPosts = ["CloseSales", "ReopenSales"];

    [Fact]
    public async Task Document_every_post_with_a_body_declares_its_json_schema()
    {
        var document = await DocumentAsync();

        foreach (var (path, method, operation) in Operations(document).Where(o => o.Method == "post"))
        {
            var id = operation.GetProperty("operationId").GetString()!;
            if (BodilessPosts.Contains(id))
            {
                operation.TryGetProperty("requestBody", out _).ShouldBeFalse($"{path} takes no body");
                continue;
            }

            operation.TryGetProperty("requestBody", out var body).ShouldBeTrue($"{method} {path} should declare its request body");
            body.GetProperty("required").GetBoolean().ShouldBeTrue();
            var schema = Resolve(document, body.GetProperty("content").GetProperty("application/json").GetProperty("schema"));
            schema.GetProperty("required").GetArrayLength().ShouldBeGreaterThan(0, path);
        }
    }

    [Theory]
    [InlineData("InitializeRequest", "eventName,totalTickets")]
    [InlineData("BookingRequest", "userId,eventId")]
    [InlineData("CapacityRequest", "totalTickets")]
    public async Task Document_request_bodies_have_the_fields_the_service_reads(string schema, string fields)
    {
        var properties = Schema(await DocumentAsync(), schema).GetProperty("properties");

        properties.EnumerateObject().Select(p => p.Name).ShouldBe(fields.Split(','), ignoreOrder: true);
    }

    [Fact]
    public async Task Document_every_error_response_names_its_problem_types()
    {
        var document = await DocumentAsync();

        foreach (var (path, method, operation) in Operations(document))
        {
            var errors = operation.GetProperty("responses").EnumerateObject().Where(r => r.Name[0] is '4' or '5').ToList();
            errors.Select(r => r.Name).ShouldContain("503", $"{method} {path}");
            foreach (var response in errors)
            {
                var types = response.Value.GetProperty("x-problem-types").EnumerateArray().Select(t => t.GetString()!).ToList();
                types.ShouldNotBeEmpty($"{method} {path} {response.Name}");
                types.ShouldAllBe(t => t.StartsWith("urn:eventbooking:problem:"));
                response.Value.GetProperty("content").TryGetProperty("application/problem+json", out _).ShouldBeTrue($"{method} {path} {response.Name}");
            }
        }
    }

    [Theory]
    [InlineData("/api/events/book", "post", "409", Problems.AlreadyBooked + "," + Problems.AlreadyWaiting + "," + Problems.SalesClosed + "," + Problems.IdempotencyKeyInFlight)]
    [InlineData("/api/events/book", "post", "404", Problems.EventNotFound)]
    [InlineData("/api/events/cancel", "post", "404", Problems.EventNotFound + "," + Problems.NothingToCancel)]
    [InlineData("/api/events/initialize", "post", "400", Problems.Validation + "," + Problems.MalformedJson + "," + Problems.IdempotencyKeyInvalid)]
    [InlineData("/api/events/initialize", "post", "415", Problems.UnsupportedMediaType)]
    [InlineData("/api/events/initialize", "post", "422", Problems.IdempotencyKeyReused)]
    [InlineData("/api/events/{eventId}/capacity", "post", "409", Problems.CapacityBelowBooked)]
    [InlineData("/api/events/status/{eventId}", "get", "401", Problems.Unauthorized)]
    public async Task Document_lists_the_problem_types_a_route_answers_with(string path, string method, string status, string types)
    {
        var document = await DocumentAsync();

        var response = document.GetProperty("paths").GetProperty(path).GetProperty(method).GetProperty("responses").GetProperty(status);

        response.GetProperty("x-problem-types").EnumerateArray().Select(t => t.GetString()).ShouldBe(types.Split(','), ignoreOrder: true);
    }

    [Fact]
    public async Task Document_operator_routes_require_basic_and_the_others_nothing()
    {
        var document = await DocumentAsync();
        var endpoints = shared.Host.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/api/", StringComparison.Ordinal) == true).ToList();
        endpoints.Count.ShouldBeGreaterThan(5);

        foreach (var endpoint in endpoints)
        {
            var method = endpoint.Metadata.GetRequiredMetadata<HttpMethodMetadata>().HttpMethods.Single().ToLowerInvariant();
            // A group's "/" route is "/api/events/" to routing and "/api/events" in the document.
            var path = endpoint.RoutePattern.RawText!.TrimEnd('/');
            var operation = document.GetProperty("paths").GetProperty(path).GetProperty(method);
            var operatorRoute = endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>().Any(a => a.Policy == BasicAuthentication.AdminPolicy);
            var schemes = operation.TryGetProperty("security", out var security)
                ? security.EnumerateArray().SelectMany(r => r.EnumerateObject().Select(s => s.Name)).ToList()
                : [];
            schemes.ShouldBe(operatorRoute ? ["basic"] : [], path);
        }

        var basic = document.GetProperty("components").GetProperty("securitySchemes").GetProperty("basic");
        (basic.GetProperty("type").GetString(), basic.GetProperty("scheme").GetString()).ShouldBe(("http", "basic"));
    }

    [Fact]
    public async Task Document_types_ids_as_integers_everywhere()
    {
        var document = await DocumentAsync();

        foreach (var (schema, property) in new[] { ("BookingRequest", "userId"), ("BookingRequest", "eventId"), ("InitializeResponse", "eventId"), ("StatusResponse", "eventId") })
        {
            var field = Schema(document, schema).GetProperty("properties").GetProperty(property);
            (field.GetProperty("type").ToString(), field.GetProperty("format").GetString()).ShouldBe(("integer", "int64"), $"{schema}.{property}");
        }

        foreach (var (path, method, operation) in Operations(document).Where(o => o.Path.Contains("{eventId}", StringComparison.Ordinal)))
        {
            var parameter = operation.GetProperty("parameters").EnumerateArray().Single(p => p.GetProperty("name").GetString() == "eventId");
            parameter.GetProperty("schema").GetProperty("type").ToString().ShouldBe("integer", $"{method} {path}");
        }

        // .NET's default web JSON options would allow "1" for a number and say so as ["integer", "string"] with a pattern.
        Descendants(document).Where(e => e.TryGetProperty("type", out var type) && type.ValueKind == JsonValueKind.Array)
            .Select(e => e.GetProperty("type").EnumerateArray().Select(t => t.GetString()).ToList())
            .ShouldAllBe(types => !(types.Contains("string") && (types.Contains("integer") || types.Contains("number"))));
    }

    [Theory]
    [InlineData("BookingResponse", "position", false)]
    [InlineData("CancelResponse", "promotedUserId", false)]
    [InlineData("HistoryEntry", "userId", false)]
    [InlineData("HistoryResponse", "nextFromVersion", true)]
    [InlineData("EventListResponse", "next", true)]
    [InlineData("BookingResponse", "status", true)]
    public async Task Document_marks_required_only_the_fields_always_written(string schema, string property, bool required)
    {
        var found = Schema(await DocumentAsync(), schema);

        var names = found.TryGetProperty("required", out var list) ? list.EnumerateArray().Select(n => n.GetString()).ToList() : [];
        names.Contains(property).ShouldBe(required, $"{schema}.{property}");
    }

    [Fact]
    public async Task Document_status_declares_etag_if_none_match_and_304()
    {
        var operation = (await DocumentAsync()).GetProperty("paths").GetProperty("/api/events/status/{eventId}").GetProperty("get");

        operation.GetProperty("parameters").EnumerateArray()
            .ShouldContain(p => p.GetProperty("name").GetString() == "If-None-Match" && p.GetProperty("in").GetString() == "header");
        operation.GetProperty("responses").GetProperty("200").GetProperty("headers").TryGetProperty("ETag", out _).ShouldBeTrue();
        operation.GetProperty("responses").TryGetProperty("304", out _).ShouldBeTrue();
    }

    [Fact]
    public async Task Document_in_jwt_mode_requires_a_bearer_token_for_book_and_cancel()
    {
        await using var database = await TestDatabase.CreateAsync(EventBooking.Migrations.StoreProvider.Sqlite);
        await using var host = new BookingHost(database, settings: new Dictionary<string, string?>
        {
            ["Auth:Users:Mode"] = "Jwt",
            ["Auth:Users:Issuer"] = "https://issuer.example",
            ["Auth:Users:Audience"] = "booking",
            ["Auth:Users:SigningKey"] = new string('k', 32),
        });
        var document = await host.CreateClient().GetFromJsonAsync<JsonElement>("/openapi/v1.json");

        foreach (var path in new[] { "/api/events/book", "/api/events/cancel" })
        {
            var operation = document.GetProperty("paths").GetProperty(path).GetProperty("post");
            operation.GetProperty("security").EnumerateArray().SelectMany(r => r.EnumerateObject().Select(s => s.Name)).ShouldBe(["bearer"]);
            operation.GetProperty("responses").GetProperty("401").GetProperty("x-problem-types")[0].GetString().ShouldBe(Problems.Unauthorized);
            operation.GetProperty("responses").GetProperty("403").GetProperty("x-problem-types")[0].GetString().ShouldBe(Problems.Forbidden);
        }

        var bearer = document.GetProperty("components").GetProperty("securitySchemes").GetProperty("bearer");
        (bearer.GetProperty("scheme").GetString(), bearer.GetProperty("bearerFormat").GetString()).ShouldBe(("bearer", "JWT"));
        document.GetProperty("paths").GetProperty("/api/events/initialize").GetProperty("post").TryGetProperty("security", out _).ShouldBeFalse();
    }

    private async Task<JsonElement> DocumentAsync() => await shared.Client.Http.GetFromJsonAsync<JsonElement>("/openapi/v1.json");

    private static IEnumerable<(string Path, string Method, JsonElement Operation)> Operations(JsonElement document) =>
        document.GetProperty("paths").EnumerateObject().SelectMany(path => path.Value.EnumerateObject().Select(op => (path.Name, op.Name, op.Value)));

    private static JsonElement Schema(JsonElement document, string name) => document.GetProperty("components").GetProperty("schemas").GetProperty(name);

    private static JsonElement Resolve(JsonElement document, JsonElement schema) =>
        schema.TryGetProperty("$ref", out var reference) ? Schema(document, reference.GetString()!.Split('/')[^1]) : schema;

    private static IEnumerable<JsonElement> Descendants(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => element.EnumerateObject().SelectMany(p => Descendants(p.Value)).Prepend(element),
        JsonValueKind.Array => element.EnumerateArray().SelectMany(Descendants),
        _ => [],
    };
}
