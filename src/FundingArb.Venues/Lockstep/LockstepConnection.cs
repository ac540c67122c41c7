namespace FundingArb.Venues.Lockstep;

/// One WebSocket between a connector and the exchange, as both ends count it: whole messages on their way up (client
/// to server) and down, and a message the server has read but not finished with (it has not asked for the next one).
/// Once either end saw the socket fail or close, messages on the way are lost and nothing on it is waited for. Read and
/// written under the WireLockstep's lock only.
internal sealed class LockstepConnection(string id)
{
    public string Id { get; } = id;

    public int Up { get; set; }

    public int Down { get; set; }

    public int ServerOwed { get; set; }

    public bool Closed { get; set; }

    /// The flow that reads the connector's end, once it is open.
    public LockstepFlow? Reader { get; set; }

    /// Messages down wait for the clock too while their reader is in an HTTP request (a Binance funding payment's
    /// rate lookup, say) or a wait of its own whose end needs the clock: it reads them, in order, once that is over,
    /// and the runner waits for that before it moves the clock again.
    /// Once the socket is closed, what the exchange still does with a message from it reaches no connector.
    public bool IsBusy => !Closed && (ServerOwed > 0 || Up > 0 || (Down > 0 && !ReaderWaitsForTheClock));

    private bool ReaderWaitsForTheClock => Reader is { } reader && (reader.HttpInFlight > 0 || reader.ReaderWaits > 0);

    public override string ToString() => $"socket {Id} ({Up} up, {Down} down, server owes {ServerOwed}{(Closed ? ", closed" : string.Empty)})";
}
