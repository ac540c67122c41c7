using System.Buffers;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;

namespace FundingArb.Exchange.Tests.Okx;

/// A WebSocket to the okx-v5 server without the connector, to see the frames themselves.
internal sealed class OkxRawSocket : IAsyncDisposable
{
    private readonly ClientWebSocket _socket = new();

    public static async Task<OkxRawSocket> ConnectAsync(OkxExchange exchange, string path)
    {
        var socket = new OkxRawSocket();
        await socket._socket.ConnectAsync(new UriBuilder(exchange.RestUrl) { Scheme = "ws", Path = path }.Uri, Deadline.Seconds(10));
        return socket;
    }

    public Task SendAsync(string text) =>
        _socket.SendAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text, endOfMessage: true, Deadline.Seconds(10));

    public async Task<string> ReceiveTextAsync()
    {
        var buffer = new ArrayBufferWriter<byte>();
        var deadline = Deadline.Seconds(10);
        while (true)
        {
            var result = await _socket.ReceiveAsync(buffer.GetMemory(8192), deadline);
            buffer.Advance(result.Count);
            if (result.EndOfMessage)
            {
                return Encoding.UTF8.GetString(buffer.WrittenSpan);
            }
        }
    }

    /// The next JSON message that matches, skipping the others.
    public async Task<JsonDocument> ReceiveAsync(Func<JsonElement, bool> match)
    {
        while (true)
        {
            var document = JsonDocument.Parse(await ReceiveTextAsync());
            if (match(document.RootElement))
            {
                return document;
            }

            document.Dispose();
        }
    }

    public ValueTask DisposeAsync()
    {
        _socket.Abort();
        _socket.Dispose();
        return ValueTask.CompletedTask;
    }
}
