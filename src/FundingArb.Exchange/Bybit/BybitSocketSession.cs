using System.Buffers;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace FundingArb.Exchange.Bybit;

// A WebSocket allows one send at a time; replies to the client's ops and the feeds share the socket, so every send
// takes _sendGate.

/// One accepted Bybit WebSocket: JSON messages in and out.
internal sealed class BybitSocketSession(WebSocket socket) : IDisposable
{
    private readonly SemaphoreSlim _sendGate = new(1, 1);

    public async Task SendAsync(JsonNode message, CancellationToken cancellationToken)
    {
        var bytes = Encoding.UTF8.GetBytes(message.ToJsonString());
        await _sendGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await socket.SendAsync(bytes, WebSocketMessageType.Text, endOfMessage: true, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _sendGate.Release();
        }
    }

    /// The client's messages until it closes; a message that is not a JSON object ends the session (null).
    public async Task<JsonObject?> ReceiveAsync(CancellationToken cancellationToken)
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
                try
                {
                    return JsonNode.Parse(buffer.WrittenSpan) as JsonObject;
                }
                catch (JsonException)
                {
                    return null;
                }
            }
        }
    }

    /// Drops the connection without a close handshake, as a venue does when it loses its feed.
    public void Abort() => socket.Abort();

    public void Dispose() => _sendGate.Dispose();
}
