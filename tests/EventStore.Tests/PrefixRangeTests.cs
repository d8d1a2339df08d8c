namespace EventStore.Tests;

public sealed class PrefixRangeTests
{
    [Theory]
    [InlineData("", null)]
    [InlineData("a", "b")]
    [InlineData("b/", "b0")]
    [InlineData("50%", "50&")]
    [InlineData("\uD7FF", "\uE000")]
    [InlineData("x\uFFFF", "x\U00010000")]
    [InlineData("x\U0010FFFF", "y")]
    [InlineData("\U0010FFFF\U0010FFFF", null)]
    public void UpperBound_is_the_least_string_above_every_string_with_the_prefix_in_code_point_order(string prefix, string? upper) =>
        PrefixRange.UpperBound(prefix).ShouldBe(upper);
}
