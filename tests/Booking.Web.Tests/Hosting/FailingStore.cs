using System.Reflection;
using EventStore;

namespace Booking.Web.Tests.Hosting;

/// <summary>An <see cref="IEventStore"/> whose every call throws the given exception: a database fault, on demand.</summary>
public class FailingStore : DispatchProxy
{
    private Func<Exception> _fault = () => new InvalidOperationException();

    public static IEventStore Throwing(Func<Exception> fault)
    {
        var store = Create<IEventStore, FailingStore>();
        ((FailingStore)(object)store)._fault = fault;
        return store;
    }

    protected override object? Invoke(MethodInfo? targetMethod, object?[]? args) => throw _fault();
}
