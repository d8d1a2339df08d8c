using System.Net;
using System.Text;
using Booking.Web.Api;
using Booking.Web.Hosting;
using static Booking.Web.Tests.Reliability.BadInput;

namespace Booking.Web.Tests.Reliability;

/// <summary>
/// The bad-input table: requests the existing contract tests do not already send, each named for what it tries.
/// Every one must get a 4xx problem+json with the stated type and leave the event log exactly as it was.
/// </summary>
public static class BadInputCases
{
    private const string Initialize = "/api/events/initialize";
    private const string Book = "/api/events/book";
    private const string Cancel = "/api/events/cancel";
    private const string Status = "/api/events/status/EVENT";
    private const string History = "/api/events/EVENT/history";
    private const string Json = "application/json";
    private const string ValidInitialize = """{"eventName": "Gala", "totalTickets": 1}""";
    private const string ValidBooking = """{"userId": 3, "eventId": EVENT}""";
    private const int Limit = (int)RequestBodyLimit.DefaultMaxBytes;

    private static readonly HttpStatusCode BadRequest = HttpStatusCode.BadRequest;

    public static IReadOnlyDictionary<string, BadInput> All { get; } = Build();

    public static TheoryData<string> Names() => [.. All.Keys];

    private static Dictionary<string, BadInput> Build()
    {
        var cases = new Dictionary<string, BadInput>(StringComparer.Ordinal);

        // Malformed and truncated JSON.
        Post(cases, "initialize: truncated inside a string", Initialize, """{"eventName": "Ga""", Problems.MalformedJson);
        Post(cases, "initialize: truncated after a colon", Initialize, """{"eventName":""", Problems.MalformedJson);
        Post(cases, "initialize: single-quoted strings", Initialize, "{'eventName': 'Gala', 'totalTickets': 1}", Problems.MalformedJson);
        Post(cases, "initialize: NaN literal", Initialize, """{"eventName": "Gala", "totalTickets": NaN}""", Problems.MalformedJson);
        Post(cases, "initialize: Infinity literal", Initialize, """{"eventName": "Gala", "totalTickets": Infinity}""", Problems.MalformedJson);
        Post(cases, "initialize: comment", Initialize, """{"eventName": "Gala", /* free */ "totalTickets": 1}""", Problems.MalformedJson);
        Post(cases, "initialize: leading zero", Initialize, """{"eventName": "Gala", "totalTickets": 010}""", Problems.MalformedJson);
        Post(cases, "initialize: hexadecimal number", Initialize, """{"eventName": "Gala", "totalTickets": 0x10}""", Problems.MalformedJson);
        Post(cases, "initialize: explicit plus sign", Initialize, """{"eventName": "Gala", "totalTickets": +10}""", Problems.MalformedJson);
        Post(cases, "initialize: raw tab inside a string", Initialize, "{\"eventName\": \"Ga\tla\", \"totalTickets\": 1}", Problems.MalformedJson);
        Post(cases, "initialize: raw newline inside a string", Initialize, "{\"eventName\": \"Ga\nla\", \"totalTickets\": 1}", Problems.MalformedJson);
        Post(cases, "book: truncated after the last field", Book, """{"userId": 3, "eventId": EVENT """, Problems.MalformedJson);
        Post(cases, "book: form-encoded body labelled as JSON", Book, "userId=3&eventId=EVENT", Problems.MalformedJson);
        Post(cases, "book: array of two bookings", Book, """[{"userId": 3, "eventId": EVENT}, {"userId": 4, "eventId": EVENT}]""", Problems.MalformedJson);
        Post(cases, "cancel: the object double-encoded as a JSON string", Cancel, "\"{\\\"userId\\\": 1, \\\"eventId\\\": EVENT}\"", Problems.MalformedJson);

        // Numbers: negative zero, exponents, fractions, overflow, wrong types.
        Post(cases, "initialize: negative zero tickets", Initialize, """{"eventName": "Gala", "totalTickets": -0}""", Problems.Validation);
        Post(cases, "initialize: tickets as exponent 1e2", Initialize, """{"eventName": "Gala", "totalTickets": 1e2}""", Problems.Validation);
        Post(cases, "initialize: tickets as 10.0", Initialize, """{"eventName": "Gala", "totalTickets": 10.0}""", Problems.Validation);
        Post(cases, "initialize: tickets as 1e-300", Initialize, """{"eventName": "Gala", "totalTickets": 1e-300}""", Problems.Validation);
        Post(cases, "initialize: tickets with 400 digits", Initialize, $$"""{"eventName": "Gala", "totalTickets": {{new string('9', 400)}}}""", Problems.Validation);
        Post(cases, "initialize: tickets as 1e999999999", Initialize, """{"eventName": "Gala", "totalTickets": 1e999999999}""", Problems.Validation);
        Post(cases, "initialize: tickets past long.MaxValue", Initialize, """{"eventName": "Gala", "totalTickets": 9223372036854775808}""", Problems.Validation);
        Post(cases, "initialize: tickets as an array", Initialize, """{"eventName": "Gala", "totalTickets": [10]}""", Problems.Validation);
        Post(cases, "initialize: tickets as an object", Initialize, """{"eventName": "Gala", "totalTickets": {"value": 10}}""", Problems.Validation);
        Post(cases, "initialize: SQL in tickets", Initialize, """{"eventName": "Gala", "totalTickets": "1; DROP TABLE events"}""", Problems.Validation);
        Post(cases, "book: userId negative zero", Book, """{"userId": -0, "eventId": EVENT}""", Problems.Validation);
        Post(cases, "book: userId as exponent 1e3", Book, """{"userId": 1e3, "eventId": EVENT}""", Problems.Validation);
        Post(cases, "book: userId long.MaxValue", Book, """{"userId": 9223372036854775807, "eventId": EVENT}""", Problems.Validation);
        Post(cases, "book: userId below long.MinValue", Book, """{"userId": -9223372036854775809, "eventId": EVENT}""", Problems.Validation);
        Post(cases, "book: userId 1e-7", Book, """{"userId": 1e-7, "eventId": EVENT}""", Problems.Validation);
        Post(cases, "book: userId as an array", Book, """{"userId": [3], "eventId": EVENT}""", Problems.Validation);
        Post(cases, "book: SQL in userId", Book, """{"userId": "3 OR 1=1", "eventId": EVENT}""", Problems.Validation);
        Post(cases, "cancel: userId 1.0", Cancel, """{"userId": 1.0, "eventId": EVENT}""", Problems.Validation);

        // Strings: wrong types, length, control characters.
        Post(cases, "initialize: name as a Mongo-style operator object", Initialize, """{"eventName": {"$ne": null}, "totalTickets": 1}""", Problems.Validation);
        Post(cases, "initialize: name as a boolean", Initialize, """{"eventName": false, "totalTickets": 1}""", Problems.Validation);
        Post(cases, "initialize: 10,000-character name", Initialize, $$"""{"eventName": "{{new string('n', 10_000)}}", "totalTickets": 1}""", Problems.Validation);
        Post(cases, "initialize: name with escaped NUL", Initialize, """{"eventName": "Gala\u0000", "totalTickets": 1}""", Problems.Validation);
        Post(cases, "initialize: name with ANSI escape", Initialize, """{"eventName": "\u001b[31mGala", "totalTickets": 1}""", Problems.Validation);
        Post(cases, "initialize: name with CR LF (log forging)", Initialize, """{"eventName": "Gala\r\n[ERR] forged", "totalTickets": 1}""", Problems.Validation);
        Post(cases, "initialize: name with DEL", Initialize, """{"eventName": "Gala\u007f", "totalTickets": 1}""", Problems.Validation);
        Post(cases, "initialize: name with C1 control NEL", Initialize, """{"eventName": "Ga\u0085la", "totalTickets": 1}""", Problems.Validation);

        // Text that is not Unicode: unpaired surrogate escapes and invalid UTF-8 bytes.
        Post(cases, "initialize: name with unpaired high surrogate escape", Initialize, """{"eventName": "Ga\ud800la", "totalTickets": 1}""", Problems.MalformedJson);
        Post(cases, "initialize: name with unpaired low surrogate escape", Initialize, """{"eventName": "Ga\udc00la", "totalTickets": 1}""", Problems.MalformedJson);
        Post(cases, "initialize: name with reversed surrogate pair", Initialize, """{"eventName": "\udc00\ud800", "totalTickets": 1}""", Problems.MalformedJson);
        Post(cases, "initialize: unknown field named by an unpaired surrogate", Initialize, """{"eventName": "Gala", "totalTickets": 1, "\ud800": 1}""", Problems.MalformedJson);
        Post(cases, "cancel: eventId with unpaired surrogate escape", Cancel, """{"userId": 1, "eventId": "\ud83dEVENT"}""", Problems.MalformedJson);
        Raw(cases, "initialize: name with byte 0xFF", Initialize, Bytes("{\"eventName\": \"Ga", new byte[] { 0xFF }, "la\", \"totalTickets\": 1}"), Problems.MalformedJson);
        Raw(cases, "initialize: name with overlong encoding of '/'", Initialize, Bytes("{\"eventName\": \"Ga", new byte[] { 0xC0, 0xAF }, "la\", \"totalTickets\": 1}"), Problems.MalformedJson);
        Raw(cases, "initialize: name with truncated 3-byte sequence", Initialize, Bytes("{\"eventName\": \"Gala", new byte[] { 0xE2, 0x82 }, "\", \"totalTickets\": 1}"), Problems.MalformedJson);
        Raw(cases, "initialize: name with UTF-8-encoded surrogate", Initialize, Bytes("{\"eventName\": \"Ga", new byte[] { 0xED, 0xA0, 0x80 }, "la\", \"totalTickets\": 1}"), Problems.MalformedJson);
        Raw(cases, "initialize: field name with byte 0xFE", Initialize, Bytes("{\"event", new byte[] { 0xFE }, "Name\": \"Gala\", \"totalTickets\": 1}"), Problems.MalformedJson);
        Raw(cases, "initialize: UTF-16 body without a charset", Initialize, _ => Encoding.Unicode.GetBytes(ValidInitialize), Problems.MalformedJson);
        Raw(cases, "book: eventId with byte 0xFF", Book, Bytes("{\"userId\": 3, \"eventId\": \"EVENT", new byte[] { 0xFF }, "\"}"), Problems.MalformedJson);

        // Unknown fields are refused (a misspelt field must not pass silently), and SQL never reaches a query.
        Post(cases, "initialize: field name in PascalCase", Initialize, """{"EventName": "Gala", "totalTickets": 1}""", Problems.Validation);
        Post(cases, "initialize: __proto__ field", Initialize, """{"eventName": "Gala", "totalTickets": 1, "__proto__": {"admin": true}}""", Problems.Validation);
        Post(cases, "book: SQL in eventId", Book, """{"userId": 3, "eventId": "' OR '1'='1"}""", Problems.Validation);
        Post(cases, "book: eventId followed by SQL", Book, """{"userId": 3, "eventId": "EVENT'; DROP TABLE streams; --"}""", Problems.Validation);
        Post(cases, "cancel: SQL in eventId", Cancel, """{"userId": 1, "eventId": "x'); DELETE FROM events; --"}""", Problems.Validation);
        Post(cases, "book: eventId as a UUID string", Book, """{"userId": 3, "eventId": "00000000-0000-0000-0000-000000000001"}""", Problems.Validation);
        Post(cases, "book: eventId as a numeric string", Book, """{"userId": 3, "eventId": "EVENT"}""", Problems.Validation);
        Post(cases, "book: eventId with surrounding spaces", Book, """{"userId": 3, "eventId": " EVENT "}""", Problems.Validation);
        Post(cases, "cancel: eventId with a trailing newline", Cancel, """{"userId": 1, "eventId": "EVENT\n"}""", Problems.Validation);
        Post(cases, "book: eventId zero", Book, """{"userId": 3, "eventId": 0}""", Problems.Validation);
        Post(cases, "book: eventId negative", Book, """{"userId": 3, "eventId": -EVENT}""", Problems.Validation);
        Post(cases, "book: eventId negative zero", Book, """{"userId": 3, "eventId": -0}""", Problems.Validation);
        Post(cases, "book: eventId as exponent", Book, """{"userId": 3, "eventId": EVENTe0}""", Problems.Validation);
        Post(cases, "cancel: eventId as a fraction", Cancel, """{"userId": 1, "eventId": EVENT.0}""", Problems.Validation);
        Post(cases, "book: eventId past the largest safe integer", Book, """{"userId": 3, "eventId": 9007199254740992}""", Problems.Validation);
        Post(cases, "book: eventId past long.MaxValue", Book, """{"userId": 3, "eventId": 9223372036854775808}""", Problems.Validation);
        cases.Add("book: eventId never allocated", new(HttpMethod.Post, Book, Text("""{"userId": 3, "eventId": 9000000000000}"""), Json,
            HttpStatusCode.NotFound, Problems.EventNotFound));

        // Size: a declared Content-Length over the limit is refused unread (chunked bodies: RequestBodyHadNoSizeLimit, on Kestrel).
        Sized(cases, "initialize: body one byte over the limit", Initialize, Padded(ValidInitialize, Limit + 1));
        Sized(cases, "initialize: 1 MiB body", Initialize, Padded(ValidInitialize, 1024 * 1024));
        Sized(cases, "book: body one byte over the limit", Book, Padded(ValidBooking, Limit + 1));
        Sized(cases, "cancel: 20 KiB body", Cancel, Padded("""{"userId": 1, "eventId": EVENT}""", 20 * 1024));

        // Content types: JSON in another charset, or not JSON at all.
        Typed(cases, "initialize: charset iso-8859-1", Initialize, ValidInitialize, "application/json; charset=iso-8859-1");
        Typed(cases, "initialize: charset utf-16", Initialize, ValidInitialize, "application/json; charset=utf-16");
        Typed(cases, "cancel: charset windows-1252", Cancel, """{"userId": 1, "eventId": EVENT}""", "application/json; charset=windows-1252");
        Typed(cases, "initialize: text/json", Initialize, ValidInitialize, "text/json");
        Typed(cases, "initialize: multipart/form-data", Initialize, ValidInitialize, "multipart/form-data; boundary=x");

        // Bad ids in routes: anything but a whole number from 1 up is a 400 naming eventId, not a 404 for no route.
        Get(cases, "status: SQL as the id", "/api/events/status/'%20OR%20'1'='1", BadRequest, Problems.Validation);
        Get(cases, "status: id as a UUID", "/api/events/status/00000000-0000-0000-0000-000000000001", BadRequest, Problems.Validation);
        Get(cases, "status: id zero", "/api/events/status/0", BadRequest, Problems.Validation);
        Get(cases, "status: id negative", "/api/events/status/-EVENT", BadRequest, Problems.Validation);
        Get(cases, "status: id with a plus sign", "/api/events/status/%2BEVENT", BadRequest, Problems.Validation);
        Get(cases, "status: id past long.MaxValue", "/api/events/status/9223372036854775808", BadRequest, Problems.Validation);
        Get(cases, "status: path traversal as the id", "/api/events/status/..%2F..%2Fetc%2Fpasswd", BadRequest, Problems.Validation);
        Get(cases, "status: id of 5,000 characters", "/api/events/status/" + new string('a', 5000), BadRequest, Problems.Validation);
        Get(cases, "history: SQL as the id", "/api/events/1%20OR%201=1/history", BadRequest, Problems.Validation);
        Get(cases, "history: id with surrounding spaces", "/api/events/%20EVENT%20/history", BadRequest, Problems.Validation);
        Get(cases, "status: id never allocated", "/api/events/status/9000000000000", HttpStatusCode.NotFound, Problems.EventNotFound);

        // Bad query values.
        Query(cases, "status: asOf SQL", Status + "?asOf=1%20OR%201=1");
        Query(cases, "status: asOf NUL", Status + "?asOf=%00");
        Query(cases, "status: asOf fullwidth digits", Status + "?asOf=%EF%BC%92");
        Query(cases, "status: asOf 30 February", Status + "?asOf=2030-02-30T00:00:00Z");
        Query(cases, "status: asOf hour 24", Status + "?asOf=2030-01-01T24:00:00Z");
        Query(cases, "status: asOf offset +25:00", Status + "?asOf=2030-01-01T00:00:00%2B25:00");
        Query(cases, "status: asOf before year 1 in UTC", Status + "?asOf=0001-01-01T00:00:00%2B14:00");
        Query(cases, "status: asOf of 4,000 digits", Status + "?asOf=" + new string('7', 4000));
        Query(cases, "status: asOf given twice", Status + "?asOf=1&asOf=2");
        Query(cases, "history: SQL in fromVersion", History + "?fromVersion=1;%20DROP%20TABLE%20events");
        Query(cases, "history: limit negative zero", History + "?limit=-0");
        Query(cases, "history: limit NUL", History + "?limit=%00");
        Query(cases, "history: limit fullwidth digits", History + "?limit=%EF%BC%91%EF%BC%90");
        Query(cases, "history: limit hexadecimal", History + "?limit=0x10");
        Query(cases, "history: limit with invalid percent-encoding", History + "?limit=%ZZ");
        Query(cases, "history: fromVersion past long.MaxValue", History + "?fromVersion=9223372036854775808");

        // Wrong methods, and clients that ask for HTML or XML: still problem+json, never an empty 500.
        cases.Add("book: PUT instead of POST", new(HttpMethod.Put, Book, Text(ValidBooking), Json, HttpStatusCode.MethodNotAllowed, Problems.MethodNotAllowed));
        Get(cases, "book: GET instead of POST", Book, HttpStatusCode.MethodNotAllowed, Problems.MethodNotAllowed);
        cases.Add("cancel: DELETE instead of POST", new(HttpMethod.Delete, Cancel, null, null, HttpStatusCode.MethodNotAllowed, Problems.MethodNotAllowed));
        cases.Add("status: DELETE", new(HttpMethod.Delete, Status, null, null, HttpStatusCode.MethodNotAllowed, Problems.MethodNotAllowed));
        cases.Add("unknown route, Accept text/html", new(HttpMethod.Get, "/admin", null, null, HttpStatusCode.NotFound, Problems.NotFound) { Accept = "text/html" });
        cases.Add("book: PUT, Accept application/xml", new(HttpMethod.Put, Book, Text(ValidBooking), Json, HttpStatusCode.MethodNotAllowed, Problems.MethodNotAllowed)
        {
            Accept = "application/xml",
        });
        cases.Add("initialize: body over the limit, Accept text/html", Over(Initialize, Padded(ValidInitialize, Limit + 1)) with { Accept = "text/html" });
        cases.Add("book: invalid fields, Accept application/xml", new(HttpMethod.Post, Book, Text("""{"userId": 0, "eventId": EVENT}"""), Json, BadRequest, Problems.Validation)
        {
            Accept = "application/xml",
        });
        cases.Add("initialize: malformed JSON, Accept text/html", new(HttpMethod.Post, Initialize, Text("{"), Json, BadRequest, Problems.MalformedJson) { Accept = "text/html" });
        cases.Add("status: no credentials, Accept text/html", new(HttpMethod.Get, Status, null, null, HttpStatusCode.Unauthorized, Problems.Unauthorized)
        {
            Anonymous = true,
            Accept = "text/html",
        });
        return cases;
    }

    private static void Post(Dictionary<string, BadInput> cases, string name, string path, string body, string type) =>
        cases.Add(name, new(HttpMethod.Post, path, Text(body), Json, BadRequest, type));

    private static void Raw(Dictionary<string, BadInput> cases, string name, string path, Func<long, byte[]> body, string type) =>
        cases.Add(name, new(HttpMethod.Post, path, body, Json, BadRequest, type));

    private static void Sized(Dictionary<string, BadInput> cases, string name, string path, Func<long, byte[]> body) => cases.Add(name, Over(path, body));

    private static BadInput Over(string path, Func<long, byte[]> body) =>
        new(HttpMethod.Post, path, body, Json, HttpStatusCode.RequestEntityTooLarge, Problems.PayloadTooLarge);

    private static void Typed(Dictionary<string, BadInput> cases, string name, string path, string body, string contentType) =>
        cases.Add(name, new(HttpMethod.Post, path, Text(body), contentType, HttpStatusCode.UnsupportedMediaType, Problems.UnsupportedMediaType));

    private static void Get(Dictionary<string, BadInput> cases, string name, string path, HttpStatusCode status, string type) =>
        cases.Add(name, new(HttpMethod.Get, path, null, null, status, type));

    private static void Query(Dictionary<string, BadInput> cases, string name, string pathAndQuery) =>
        Get(cases, name, pathAndQuery, BadRequest, Problems.Validation);
}
