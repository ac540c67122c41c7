using System.Buffers;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using FundingArb.Venues.Wire;

namespace FundingArb.Venues.Okx;

// A WebSocket allows one send at a time and the ping loop sends beside the ops, so sends take _sendGate. OKX's
// keep-alive is the bare text "ping", answered by "pong"; the reader skips the pongs.

/// One OKX WebSocket: JSON ops out, JSON pushes in, and a "ping" before OKX's 30 s silence limit.
internal sealed class OkxStreamConnection : IAsyncDisposable
{
    private readonly WebSocket _socket;
    private readonly SemaphoreSlim _sendGate = new(1, 1);

    private OkxStreamConnection(WebSocket socket)
    {
        _socket = socket;
    }

    public static async Task<OkxStreamConnection> ConnectAsync(IVenueWire wire, Uri url, CancellationToken cancellationToken) =>
        new(await wire.ConnectWebSocketAsync(url, cancellationToken).ConfigureAwait(false));

    public Task SendAsync(JsonObject message, CancellationToken cancellationToken) => SendTextAsync(message.ToJsonString(), cancellationToken);

    /// The next JSON message, or null when the venue closed the socket.
    public async Task<JsonDocument?> ReceiveAsync(CancellationToken cancellationToken)
    {
        var buffer = new ArrayBufferWriter<byte>();
        while (true)
        {
            var result = await _socket.ReceiveAsync(buffer.GetMemory(8192), cancellationToken).ConfigureAwait(false);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                return null;
            }

            buffer.Advance(result.Count);
            if (!result.EndOfMessage)
            {
                continue;
            }

            if (!buffer.WrittenSpan.SequenceEqual("pong"u8))
            {
                return JsonDocument.Parse(buffer.WrittenMemory);
            }

            buffer.Clear();
        }
    }

    /// Sends "ping" every interval until cancelled; a failed send ends the loop (the reader sees the drop).
    public async Task PingAsync(TimeSpan interval, TimeProvider time, CancellationToken cancellationToken)
    {
        try
        {
            while (true)
            {
                await Task.Delay(interval, time, cancellationToken).ConfigureAwait(false);
                await SendTextAsync("ping", cancellationToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
        catch (WebSocketException)
        {
        }
    }

    public ValueTask DisposeAsync()
    {
        _socket.Abort();
        _socket.Dispose();
        _sendGate.Dispose();
        return ValueTask.CompletedTask;
    }

    private async Task SendTextAsync(string text, CancellationToken cancellationToken)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        await _sendGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await _socket.SendAsync(bytes, WebSocketMessageType.Text, endOfMessage: true, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _sendGate.Release();
        }
    }
}
