using EventStore;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Booking.Web.Hosting;

/// <summary>Ready = migrated and one cheap round trip to the store (the head position) answers in time.</summary>
internal sealed class StoreHealthCheck(StoreReadiness readiness, IEventReader store) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (!readiness.IsMigrated)
            return HealthCheckResult.Unhealthy("The schema is not migrated yet (the database is unreachable, or migrating).");

        try
        {
            // WaitAsync: the health check's timeout holds even if a driver call ignores its token.
            await store.ReadHeadPositionAsync(cancellationToken).WaitAsync(cancellationToken);
            return HealthCheckResult.Healthy("The store answers.");
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return HealthCheckResult.Unhealthy("The database cannot be reached.", e);
        }
    }
}
