using Booking.Web.Api.Idempotency;

namespace Booking.Web.Tests.Api;

public sealed class IdempotencyKeyHeaderTests
{
    [Theory]
    [InlineData("8e03978e-40d5-43e8-bc93-6894a57f9324", "8e03978e-40d5-43e8-bc93-6894a57f9324")]
    [InlineData("\"8e03978e-40d5-43e8-bc93-6894a57f9324\"", "8e03978e-40d5-43e8-bc93-6894a57f9324")]
    [InlineData("a", "a")]
    [InlineData("!~", "!~")]
    [InlineData("\"with\\\"quote\"", "with\"quote")]
    [InlineData("\"back\\\\slash\"", "back\\slash")]
    public void Parse_of_a_valid_value_returns_the_key(string value, string key) =>
        IdempotencyKeyHeader.Parse(value).ShouldBe(key);

    [Theory]
    [InlineData("")]
    [InlineData("\"\"")]
    [InlineData(" ")]
    [InlineData("with space")]
    [InlineData("\"with space\"")]
    [InlineData("tab\there")]
    [InlineData("nul\0")]
    [InlineData("clé")]
    [InlineData("\"unbalanced")]
    [InlineData("unbalanced\"")]
    [InlineData("in\"side")]
    [InlineData("back\\slash")]
    [InlineData("\"in\"side\"")]
    [InlineData("\"bad\\escape\"")]
    [InlineData("\"trailing\\\"")]
    public void Parse_of_an_invalid_value_returns_null(string value) =>
        IdempotencyKeyHeader.Parse(value).ShouldBeNull();

    [Fact]
    public void Parse_accepts_255_characters_and_refuses_256()
    {
        IdempotencyKeyHeader.Parse(new string('k', 255)).ShouldBe(new string('k', 255));
        IdempotencyKeyHeader.Parse(new string('k', 256)).ShouldBeNull();
        IdempotencyKeyHeader.Parse("\"" + new string('k', 256) + "\"").ShouldBeNull();
    }
}
