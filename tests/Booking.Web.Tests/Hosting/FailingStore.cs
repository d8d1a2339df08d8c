using System.Reflection;
using System.Runtime.ExceptionServices;
using EventStore;

namespace Booking.Web.Tests.Hosting;

/// <summary>
/// An <see cref="IEventStore"/> that fails on demand: every call throws (<see cref="Throwing"/>), or calls pass to a
/// real store except where a plan says to fail before the call (nothing reached the database) or after it
/// completed (the append committed, but its acknowledgement was lost on the way back: commit outcome unknown).
/// </summary>
public class FailingStore : DispatchProxy
{
    private static readonly MethodInfo FailAfter = typeof(FailingStore).GetMethod(nameof(FailAfterAsync), BindingFlags.NonPublic | BindingFlags.Static)!;
    private Func<Exception> _fault = () => new InvalidOperationException();
    private IEventStore? _inner;
    private Func<MethodInfo, StoreFault> _plan = _ => StoreFault.Before;

    public static IEventStore Throwing(Func<Exception> fault)
    {
        var store = Create<IEventStore, FailingStore>();
        ((FailingStore)(object)store)._fault = fault;
        return store;
    }

    /// <summary>Passes calls to <paramref name="inner"/>; <paramref name="plan"/> is asked once per call.</summary>
    public static IEventStore Around(IEventStore inner, Func<MethodInfo, StoreFault> plan, Func<Exception> fault)
    {
        var store = Create<IEventStore, FailingStore>();
        var failing = (FailingStore)(object)store;
        (failing._inner, failing._plan, failing._fault) = (inner, plan, fault);
        return store;
    }

    protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
    {
        ArgumentNullException.ThrowIfNull(targetMethod);
        var fault = _plan(targetMethod);
        if (_inner is null || fault == StoreFault.Before)
            throw _fault();

        object? result;
        try
        {
            result = targetMethod.Invoke(_inner, args);
        }
        catch (TargetInvocationException e) when (e.InnerException is not null)
        {
            ExceptionDispatchInfo.Throw(e.InnerException);
            throw;
        }

        if (fault == StoreFault.None)
            return result;
        var type = targetMethod.ReturnType;
        if (!type.IsGenericType || type.GetGenericTypeDefinition() != typeof(Task<>))
            throw new NotSupportedException($"{targetMethod.Name}: only Task<T> methods can fail after completing.");
        return FailAfter.MakeGenericMethod(type.GetGenericArguments()[0]).Invoke(null, [result, _fault()]);
    }

    private static async Task<T> FailAfterAsync<T>(Task<T> call, Exception fault)
    {
        await call;
        throw fault;
    }
}

/// <summary>Where <see cref="FailingStore.Around"/> fails one call.</summary>
public enum StoreFault
{
    /// <summary>The call goes through.</summary>
    None,

    /// <summary>The call throws before reaching the store: nothing was written.</summary>
    Before,

    /// <summary>The call completes in the store (an append commits), then throws: the caller cannot tell.</summary>
    AfterCommit,
}
