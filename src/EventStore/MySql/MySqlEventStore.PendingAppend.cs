namespace EventStore.MySql;

public sealed partial class MySqlEventStore
{
    // An append waiting in the group commit's queue, and how its caller is answered.
    private sealed class PendingAppend(PreparedAppend append, long expectedVersion, CancellationToken cancellationToken)
    {
        private readonly TaskCompletionSource<AppendResult> _result = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public PreparedAppend Append => append;

        public long ExpectedVersion => expectedVersion;

        public CancellationToken CancellationToken => cancellationToken;

        public Task<AppendResult> Result => _result.Task;

        public void Complete(AppendResult result) => _result.TrySetResult(result);

        public void Fail(Exception error)
        {
            if (error is OperationCanceledException && cancellationToken.IsCancellationRequested)
                _result.TrySetCanceled(cancellationToken);
            else
                _result.TrySetException(error);
        }

        public void Cancel() => _result.TrySetCanceled(cancellationToken);
    }
}
