using System.Buffers;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using FundingArb.Venues.Wire;

namespace FundingArb.Venues.Bybit;

// A WebSocket allows one send at a time and the ping loop sends beside the ops, so sends take _sendGate.

/// One Bybit WebSocket: JSON out, JSON documents in, and the ping Bybit wants every 20 s.
internal sealed class BybitStreamConnection : IAsyncDisposable
{
    private static readonly JsonObject s_ping = new() { ["op"] = "ping" };

    private readonly WebSocket _socket;
    private readonly SemaphoreSlim _sendGate = new(1, 1);

    private BybitStreamConnection(WebSocket socket)
    {
        _socket = socket;
    }

    public static async Task<BybitStreamConnection> ConnectAsync(IVenueWire wire, Uri url, CancellationToken cancellationToken) =>
        new(await wire.ConnectWebSocketAsync(url, cancellationToken).ConfigureAwait(false));

    public async Task SendAsync(JsonObject message, CancellationToken cancellationToken)
    {
        var bytes = Encoding.UTF8.GetBytes(message.ToJsonString());
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

    /// The next message, or null when the venue closed the socket.
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
            if (result.EndOfMessage)
            {
                return JsonDocument.Parse(buffer.WrittenMemory);
            }
        }
    }

    /// Sends {"op":"ping"} every interval until cancelled; a failed send ends the loop (the reader sees the drop).
    public async Task PingAsync(TimeSpan interval, TimeProvider time, CancellationToken cancellationToken)
    {
        try
        {
            while (true)
            {
                await Task.Delay(interval, time, cancellationToken).ConfigureAwait(false);
                await SendAsync(s_ping, cancellationToken).ConfigureAwait(false);
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
}
