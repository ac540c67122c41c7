using System.Buffers;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace FundingArb.Exchange.Okx;

// A WebSocket allows one send at a time; replies to the client's ops, pongs and the feeds share the socket, so every
// send takes _sendGate. OKX's keep-alive is the bare text frame "ping", answered by "pong", not a JSON op. Every frame
// either way is heard by the session's idle cut-off, when it has one.

/// One accepted OKX WebSocket: JSON ops in, JSON pushes out, and the text ping/pong.
internal sealed class OkxSocketSession(WebSocket socket, string connectionId, IdleCutOff? idle = null) : IDisposable
{
    private readonly SemaphoreSlim _sendGate = new(1, 1);

    public string ConnectionId => connectionId;

    public Task SendAsync(JsonNode message, CancellationToken cancellationToken) => SendTextAsync(message.ToJsonString(), cancellationToken);

    /// The client's next op; pings are answered here. Null when the client closed or sent something that is not a JSON object.
    public async Task<JsonObject?> ReceiveAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            var text = await ReceiveTextAsync(cancellationToken).ConfigureAwait(false);
            if (text is null)
            {
                return null;
            }

            idle?.Heard();
            if (text == "ping")
            {
                await SendTextAsync("pong", cancellationToken).ConfigureAwait(false);
                continue;
            }

            try
            {
                return JsonNode.Parse(text) as JsonObject;
            }
            catch (JsonException)
            {
                return null;
            }
        }
    }

    /// Drops the connection without a close handshake, as a venue does when it loses its feed.
    public void Abort() => socket.Abort();

    public void Dispose() => _sendGate.Dispose();

    private async Task SendTextAsync(string text, CancellationToken cancellationToken)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        await _sendGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await socket.SendAsync(bytes, WebSocketMessageType.Text, endOfMessage: true, cancellationToken).ConfigureAwait(false);
            idle?.Heard();
        }
        finally
        {
            _sendGate.Release();
        }
    }

    private async Task<string?> ReceiveTextAsync(CancellationToken cancellationToken)
    {
        var buffer = new ArrayBufferWriter<byte>();
        while (true)
        {
            var result = await socket.ReceiveAsync(buffer.GetMemory(4096), cancellationToken).ConfigureAwait(false);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                return null;
            }

            buffer.Advance(result.Count);
            if (result.EndOfMessage)
            {
                return Encoding.UTF8.GetString(buffer.WrittenSpan);
            }
        }
    }
}
