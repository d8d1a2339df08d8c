namespace EventStore;

/// <summary>An event to append. The caller chooses <paramref name="EventId"/> (UUID v7) so that a retried append is idempotent.</summary>
/// <param name="EventId">Globally unique id of this fact.</param>
/// <param name="Data">The event payload; its CLR type must be registered in the store's <see cref="EventTypeMap"/>.</param>
/// <param name="CorrelationId">The id shared by everything caused by one request, if any.</param>
/// <param name="CausationId">The id of the command or event that caused this one, if any.</param>
public sealed record NewEvent(Guid EventId, object Data, Guid? CorrelationId = null, Guid? CausationId = null)
{
    /// <summary>Wraps <paramref name="data"/> with a fresh UUID v7 id.</summary>
    public static NewEvent For(object data, Guid? correlationId = null, Guid? causationId = null) =>
        new(Guid.CreateVersion7(), data, correlationId, causationId);
}
