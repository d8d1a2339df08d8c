using System.Diagnostics.CodeAnalysis;
using Booking.Web.Api;

namespace Booking.Web.Tests.Hosting;

public static class DebugCacheAssertions
{
    /// <summary>Field by field; the record's own equality would compare the waiting lists by reference.</summary>
    public static void ShouldMatch([NotNull] this DebugCacheEntry? actual, DebugCacheEntry expected)
    {
        actual.ShouldNotBeNull();
        actual.WaitingList.ShouldBe(expected.WaitingList);
        (actual with { WaitingList = expected.WaitingList }).ShouldBe(expected);
    }
}
