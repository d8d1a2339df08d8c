using System.Reflection;
using EventStore;

namespace Booking.Web.Tests.Hosting;

/// <summary>
/// An <see cref="IEventStore"/> that passes every call to a real store, except that the next N appends commit and then
/// throw, as when the database dies after its commit but before its answer reaches the service.
/// </summary>
public class LostAnswerStore : DispatchProxy
{
    private IEventStore _inner = null!;
    private int _answersToLose;

    public static (IEventStore Store, LostAnswerStore Control) Wrapping(IEventStore inner)
    {
        var store = Create<IEventStore, LostAnswerStore>();
        var control = (LostAnswerStore)(object)store;
        control._inner = inner;
        return (store, control);
    }

    public void LoseNextAnswers(int count) => Volatile.Write(ref _answersToLose, count);

    protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
    {
        ArgumentNullException.ThrowIfNull(targetMethod);
        var result = targetMethod.Invoke(_inner, args);
        if (targetMethod.Name == nameof(IEventStore.AppendAsync) && Interlocked.Decrement(ref _answersToLose) >= 0)
            return CommitThenLoseAnswerAsync((Task<AppendResult>)result!);
        return result;
    }

    private static async Task<AppendResult> CommitThenLoseAnswerAsync(Task<AppendResult> append)
    {
        await append;
        throw new IOException("Connection reset by peer (the database died after its commit).");
    }
}
