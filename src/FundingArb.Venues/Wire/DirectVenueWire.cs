using System.Net.WebSockets;

namespace FundingArb.Venues.Wire;

/// The wire as .NET gives it: a SocketsHttpHandler and a ClientWebSocket.
public sealed class DirectVenueWire : IVenueWire
{
    private DirectVenueWire()
    {
    }

    public static DirectVenueWire Instance { get; } = new();

    public HttpMessageHandler CreateHttpHandler() => new SocketsHttpHandler();

    public Task StartBeside(Func<Task> work)
    {
        ArgumentNullException.ThrowIfNull(work);
        return work();
    }

    public async Task<WebSocket> ConnectWebSocketAsync(Uri uri, CancellationToken cancellationToken)
    {
        var socket = new ClientWebSocket();
        try
        {
            await socket.ConnectAsync(uri, cancellationToken).ConfigureAwait(false);
            return socket;
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }
}
