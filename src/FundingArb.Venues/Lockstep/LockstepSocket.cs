using System.Net.WebSockets;

namespace FundingArb.Venues.Lockstep;

// A whole message is counted on its way from the moment its sender hands it over until the reader receives its last
// fragment; the reader then owes it until it asks for the next message (it has done what the message asked). On the
// connector's end the debt is its flow's; on the exchange's end the connection's. A socket that fails or closes
// loses what was on its way; on the connector's end its flow then owes the failure until the flow ends, so that the
// drop reaches the node before the clock moves.

/// One end of a counted WebSocket: the connector's (flow set) or the exchange's (flow null).
internal sealed class LockstepSocket(WireLockstep lockstep, WebSocket inner, LockstepConnection connection, LockstepFlow? flow) : WebSocket
{
    // Touched by the socket's one reader, and by Dispose/Abort; changes go through the lockstep's lock.
    private bool _held;
    private bool _failed;
    private bool _tookFirstRead = flow is not null && TakeFirstRead(lockstep, flow, connection);

    public override WebSocketCloseStatus? CloseStatus => inner.CloseStatus;

    public override string? CloseStatusDescription => inner.CloseStatusDescription;

    public override WebSocketState State => inner.State;

    public override string? SubProtocol => inner.SubProtocol;

    public override void Abort()
    {
        Close();
        inner.Abort();
    }

    public override async Task CloseAsync(WebSocketCloseStatus closeStatus, string? statusDescription, CancellationToken cancellationToken)
    {
        Close();
        await inner.CloseAsync(closeStatus, statusDescription, cancellationToken).ConfigureAwait(false);
    }

    public override async Task CloseOutputAsync(WebSocketCloseStatus closeStatus, string? statusDescription, CancellationToken cancellationToken)
    {
        Close();
        await inner.CloseOutputAsync(closeStatus, statusDescription, cancellationToken).ConfigureAwait(false);
    }

    public override void Dispose()
    {
        Close();
        inner.Dispose();
    }

    public override async Task<WebSocketReceiveResult> ReceiveAsync(ArraySegment<byte> buffer, CancellationToken cancellationToken)
    {
        Release();
        try
        {
            var result = await inner.ReceiveAsync(buffer, cancellationToken).ConfigureAwait(false);
            Received(result.MessageType, result.EndOfMessage);
            return result;
        }
        catch
        {
            Fail();
            throw;
        }
    }

    public override async ValueTask<ValueWebSocketReceiveResult> ReceiveAsync(Memory<byte> buffer, CancellationToken cancellationToken)
    {
        Release();
        try
        {
            var result = await inner.ReceiveAsync(buffer, cancellationToken).ConfigureAwait(false);
            Received(result.MessageType, result.EndOfMessage);
            return result;
        }
        catch
        {
            Fail();
            throw;
        }
    }

    public override Task SendAsync(ArraySegment<byte> buffer, WebSocketMessageType messageType, bool endOfMessage, CancellationToken cancellationToken) =>
        SendAsync(buffer.AsMemory(), messageType, endOfMessage ? WebSocketMessageFlags.EndOfMessage : WebSocketMessageFlags.None, cancellationToken).AsTask();

    public override ValueTask SendAsync(ReadOnlyMemory<byte> buffer, WebSocketMessageType messageType, bool endOfMessage, CancellationToken cancellationToken) =>
        SendAsync(buffer, messageType, endOfMessage ? WebSocketMessageFlags.EndOfMessage : WebSocketMessageFlags.None, cancellationToken);

    public override async ValueTask SendAsync(ReadOnlyMemory<byte> buffer, WebSocketMessageType messageType, WebSocketMessageFlags messageFlags,
        CancellationToken cancellationToken)
    {
        var whole = (messageFlags & WebSocketMessageFlags.EndOfMessage) != 0 && messageType != WebSocketMessageType.Close;
        if (whole)
        {
            lockstep.Change(() =>
            {
                if (!connection.Closed)
                {
                    if (flow is null)
                    {
                        connection.Down++;
                    }
                    else
                    {
                        connection.Up++;
                    }
                }
            });
        }

        try
        {
            await inner.SendAsync(buffer, messageType, messageFlags, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            Fail();
            throw;
        }
    }

    private static bool TakeFirstRead(WireLockstep lockstep, LockstepFlow flow, LockstepConnection connection)
    {
        var took = false;
        lockstep.Change(() =>
        {
            connection.Reader = flow;
            took = flow.OwesFirstRead;
            flow.OwesFirstRead = false;
        });
        return took;
    }

    private void Received(WebSocketMessageType type, bool endOfMessage)
    {
        if (type == WebSocketMessageType.Close)
        {
            Fail();
            return;
        }

        if (!endOfMessage)
        {
            return;
        }

        lockstep.Change(() =>
        {
            if (flow is null)
            {
                connection.Up--;
                connection.ServerOwed++;
            }
            else
            {
                connection.Down--;
                flow.Owed++;
            }

            _held = true;
        });
    }

    /// The reader has finished with the last message (or the first read's debt, for a stream's first socket).
    private void Release() => lockstep.Change(ReleaseLocked);

    private void ReleaseLocked()
    {
        if (_tookFirstRead)
        {
            _tookFirstRead = false;
            flow!.Owed--;
        }

        if (!_held)
        {
            return;
        }

        _held = false;
        if (flow is null)
        {
            connection.ServerOwed--;
        }
        else
        {
            flow.Owed--;
        }
    }

    private void Fail() => lockstep.Change(() =>
    {
        connection.Closed = true;
        if (flow is not null && !_failed)
        {
            _failed = true;
            flow.FailuresOwed++;
        }
    });

    private void Close() => lockstep.Change(() =>
    {
        ReleaseLocked();
        connection.Closed = true;
    });
}
