namespace EventStore.Sql;

public abstract partial class SqlEventStore
{
    /// <inheritdoc />
    public Task<long> NextAsync(string name, CancellationToken cancellationToken = default)
    {
        SequenceName.Validate(name);
        return NextNumberAsync(name, cancellationToken);
    }

    /// <summary>Raises sequence <paramref name="name"/> (a valid name) in a transaction of its own and returns the number stored.</summary>
    private protected abstract Task<long> NextNumberAsync(string name, CancellationToken cancellationToken);
}
