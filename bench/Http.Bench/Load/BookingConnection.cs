namespace Http.Bench.Load;

/// <summary>
/// One worker's connection to the service: sends a booking or a cancel, reads the whole answer (up to its last byte)
/// and classifies it. One request at a time; a connection is used by one worker only.
/// </summary>
internal interface IBookingConnection : IDisposable
{
    ValueTask<Answer> SendAsync(BenchRequest request);
}

/// <summary>How a request ended, whether its cancel promoted a waiting user, and what went wrong if anything.</summary>
internal readonly record struct Answer(Outcome Outcome, bool Promoted, string? Error)
{
    public static Answer Lost(Exception e) => new(Outcome.Lost, false, $"no answer: {e.GetType().Name}: {e.Message}");
}

/// <summary>Which client the load generator sends with (<c>--generator</c>).</summary>
internal enum ConnectionKind
{
    /// <summary>A minimal HTTP/1.1 client over a socket: <see cref="Raw.RawConnection"/>.</summary>
    Raw,

    /// <summary><see cref="HttpClient"/> with <see cref="SocketsHttpHandler"/>: <see cref="HttpClientConnection"/>.</summary>
    HttpClient,
}
