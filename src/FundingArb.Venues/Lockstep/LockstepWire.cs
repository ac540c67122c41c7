using System.Net.WebSockets;
using FundingArb.Venues.Wire;

namespace FundingArb.Venues.Lockstep;

/// One connector's wire in a lockstep simulation: HTTP counted per venue and per flow, sockets counted per message.
internal sealed class LockstepWire(WireLockstep lockstep, LockstepVenueLine line) : IVenueWire
{
    public HttpMessageHandler CreateHttpHandler() => new LockstepHttpHandler(lockstep, line);

    public Task StartBeside(Func<Task> work) => WireLockstep.Beside(work);

    public async Task<WebSocket> ConnectWebSocketAsync(Uri uri, CancellationToken cancellationToken)
    {
        // A socket read outside a flow would be read while the clock moves: every connector stream opens inside one.
        var flow = WireLockstep.CurrentFlow is { } current && current.Owner == lockstep
            ? current
            : throw new InvalidOperationException($"{line.Venue.Id} opened a WebSocket to {uri} outside any call or stream of the lockstep.");
        var id = lockstep.NextConnectionId();
        var connection = lockstep.Connection(id);
        var socket = new ClientWebSocket();
        socket.Options.SetRequestHeader(WireLockstep.ConnectionHeader, id);
        try
        {
            await socket.ConnectAsync(uri, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            socket.Dispose();
            lockstep.Change(() => connection.Closed = true);
            throw;
        }

        return new LockstepSocket(lockstep, socket, connection, flow);
    }
}
