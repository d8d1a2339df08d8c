using System.Diagnostics;

namespace Booking.Core.Telemetry;

/// <summary>
/// The "EventBooking" activity source: one activity per processor batch, a child of the first command's request
/// and linked to the others', so the store's own activities (MySqlConnector's) land in the requests' traces.
/// </summary>
public static class BookingTracing
{
    public const string SourceName = "EventBooking";

    internal static readonly ActivitySource Source = new(SourceName);
}
