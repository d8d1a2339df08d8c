namespace EventStore;

/// <summary>The @types parameter of the header reads: ",a,b," so that SQL can find ",type," in it.</summary>
internal static class PayloadTypeList
{
    public static string Format(IReadOnlySet<string> types)
    {
        ArgumentNullException.ThrowIfNull(types);
        foreach (var type in types)
        {
            if (string.IsNullOrEmpty(type) || type.Contains(',', StringComparison.Ordinal))
                throw new ArgumentException($"'{type}' cannot be an event type name.", nameof(types));
        }

        return types.Count == 0 ? "," : $",{string.Join(',', types)},";
    }
}
