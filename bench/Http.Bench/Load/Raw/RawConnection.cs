using System.Buffers;
using System.Net;
using System.Net.Sockets;

namespace Http.Bench.Load.Raw;

/// <summary>
/// A minimal HTTP/1.1 client for one worker: one keep-alive socket (TCP_NODELAY), the request formatted into a reused
/// buffer, the answer read until <see cref="ResponseParser"/> has all of it, then classified from the body bytes.
/// An expected answer allocates nothing here. When the service closes the connection (<c>Connection: close</c>) or
/// an exchange fails, the next request opens a new one; a failed exchange counts as lost, as with HttpClient.
/// </summary>
internal sealed class RawConnection(int port) : IBookingConnection
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);
    private const int MaxAnswerBytes = 1 << 20;

    private readonly byte[] _request = new byte[RequestWriter.MaxBytes];
    private readonly ArrayBufferWriter<byte> _body = new(1024);
    private byte[] _received = new byte[4096];
    private Socket? _socket;
    private CancellationTokenSource _timeout = new();

    public async ValueTask<Answer> SendAsync(BenchRequest request)
    {
        var length = RequestWriter.Write(_request, request, port);
        var token = RestartTimeout();
        try
        {
            _socket ??= await ConnectAsync(token);
            for (var sent = 0; sent < length;)
                sent += await _socket.SendAsync(_request.AsMemory(sent, length - sent), SocketFlags.None, token);
            var head = await ReceiveAsync(_socket, token);
            if (head.Close)
                CloseSocket();
            return Answers.Classify(request, head.Status, _body.WrittenSpan);
        }
        catch (Exception e) when (e is SocketException or IOException or InvalidDataException or OperationCanceledException)
        {
            CloseSocket();
            return Answer.Lost(e);
        }
    }

    public void Dispose()
    {
        CloseSocket();
        _timeout.Dispose();
    }

    private async ValueTask<ResponseHead> ReceiveAsync(Socket socket, CancellationToken token)
    {
        var received = 0;
        while (true)
        {
            if (received == _received.Length)
            {
                if (received >= MaxAnswerBytes)
                    throw new InvalidDataException($"An answer longer than {MaxAnswerBytes} bytes.");
                Array.Resize(ref _received, received * 2);
            }

            var read = await socket.ReceiveAsync(_received.AsMemory(received), SocketFlags.None, token);
            if (read == 0)
                throw new IOException("The service closed the connection before the whole answer.");
            received += read;
            if (ResponseParser.TryRead(_received.AsSpan(0, received), _body, out var head))
            {
                // One request in flight: nothing may follow its answer.
                return head.Length == received ? head : throw new InvalidDataException($"{received - head.Length} bytes after the answer.");
            }
        }
    }

    private async ValueTask<Socket> ConnectAsync(CancellationToken token)
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(new IPEndPoint(IPAddress.Loopback, port), token);
            return socket;
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    // One source per connection, re-armed for each request; a source that fired cannot be reset, so it is replaced.
    private CancellationToken RestartTimeout()
    {
        if (!_timeout.TryReset())
        {
            _timeout.Dispose();
            _timeout = new CancellationTokenSource();
        }

        _timeout.CancelAfter(Timeout);
        return _timeout.Token;
    }

    private void CloseSocket()
    {
        _socket?.Dispose();
        _socket = null;
    }
}
