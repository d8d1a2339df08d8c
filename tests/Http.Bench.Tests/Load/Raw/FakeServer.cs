using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.RegularExpressions;

namespace Http.Bench.Tests.Load.Raw;

/// <summary>A loopback listener whose test scripts, connection by connection, what the raw client receives.</summary>
internal sealed class FakeServer : IDisposable
{
    private readonly Socket _listener = new(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);

    public FakeServer()
    {
        _listener.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        _listener.Listen();
    }

    public int Port => ((IPEndPoint)_listener.LocalEndPoint!).Port;

    public async Task<FakeServerConnection> AcceptAsync() => new(await _listener.AcceptAsync());

    public void Dispose() => _listener.Dispose();
}

/// <summary>One accepted connection; disposing it closes the connection.</summary>
internal sealed partial class FakeServerConnection : IDisposable
{
    private readonly Socket _socket;
    private readonly byte[] _buffer = new byte[4096];

    public FakeServerConnection(Socket socket)
    {
        _socket = socket;
        // Each byte of a dribbled answer leaves in its own segment.
        _socket.NoDelay = true;
    }

    /// <summary>Reads one whole request (head and Content-Length body) and returns it.</summary>
    public async Task<string> ReceiveRequestAsync()
    {
        var request = "";
        while (!IsWhole(request))
            request += Encoding.ASCII.GetString(_buffer, 0, await ReceiveSomeAsync());
        return request;
    }

    /// <summary>Waits until the client closes its side.</summary>
    public async Task ReceiveEndAsync() => (await _socket.ReceiveAsync(_buffer)).ShouldBe(0, "the client sent more instead of closing");

    public async Task SendAsync(string answer) => await _socket.SendAsync(Encoding.ASCII.GetBytes(answer));

    // A pause after each byte lets the client read most answers in many pieces; the tests hold however they arrive.
    public async Task SendOneByteAtATimeAsync(string answer)
    {
        foreach (var b in Encoding.ASCII.GetBytes(answer))
        {
            await _socket.SendAsync(new[] { b });
            await Task.Delay(1);
        }
    }

    public void Dispose() => _socket.Dispose();

    private async Task<int> ReceiveSomeAsync()
    {
        var read = await _socket.ReceiveAsync(_buffer);
        return read > 0 ? read : throw new IOException("The client closed the connection before the whole request.");
    }

    private static bool IsWhole(string request)
    {
        var headEnd = request.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        if (headEnd < 0)
            return false;
        var length = ContentLength().Match(request[..headEnd]);
        return length.Success && request.Length >= headEnd + 4 + int.Parse(length.Groups[1].Value, CultureInfo.InvariantCulture);
    }

    [GeneratedRegex(@"\r\nContent-Length: (\d+)")]
    private static partial Regex ContentLength();
}
