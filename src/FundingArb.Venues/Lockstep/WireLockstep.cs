using System.Net.WebSockets;
using System.Text;
using FundingArb.Trading.Instruments;
using FundingArb.Venues.Simulation;
using FundingArb.Venues.Wire;

namespace FundingArb.Venues.Lockstep;

// A simulation that reaches its venues through the exchange and the real connectors must not move its clock while
// anything is on the wire, or what happens would depend on how fast the machine is. The lockstep counts everything
// that can be in flight (docs/scenarios.md, "Behind the exchange"):
// - each call from the node and each stream reading is a flow (LockstepFlow), runnable while it owes work and has
//   no HTTP request out;
// - each venue's HTTP: requests out at the connector, requests at the exchange, requests the simulated venue holds
//   until a later instant: settled when the three are equal;
// - each WebSocket's whole messages up and down, and a message the reader has not finished with (it is owed until the
//   reader asks for the next one);
// - the exchange's relays from the venue's streams to its sockets.
// Settle waits until nothing is runnable, then does one thing the runner's thread owns: start the next call (one at a
// time, so the exchange sees them in the node's order) or hand the answers and stream items that have come back to
// the node, in the order the node asked for them. Only then may the clock move.
//
// Threading: every count is read and written under _gate. The venues' counts are read outside it (they have their own
// lock); that is safe because between reading ours and theirs nothing can start that the clock does not start, and a
// request can only go from "on its way" to "held by the venue", which the comparison then sees.

/// Holds a simulation's virtual clock still while requests and stream messages are on the wire between the connectors
/// and the simulated exchange, and hands their outcomes to the node in a fixed order.
public sealed class WireLockstep : IDisposable
{
    /// The header a connector's WebSocket upgrade carries so the exchange can count the same socket.
    public const string ConnectionHeader = "X-FundingArb-Lockstep-Socket";

    private static readonly AsyncLocal<LockstepFlow?> s_flow = new();

    // Set for work a stream runs beside its reader: what it starts keeps the flag, whatever the reader does meanwhile.
    private static readonly AsyncLocal<bool> s_beside = new();

    private readonly Lock _gate = new();
    private readonly ManualResetEventSlim _changed = new(false);
    private readonly TimeSpan _deadline;
    private readonly Dictionary<VenueId, LockstepVenueLine> _lines = [];
    private readonly HashSet<LockstepFlow> _flows = [];
    private readonly Dictionary<string, LockstepConnection> _connections = new(StringComparer.Ordinal);
    private readonly Queue<(LockstepSource Source, LockstepFlow Flow)> _toStart = new();
    private readonly List<LockstepSource> _sources = [];
    private int _relayItems;
    private long _nextSequence;
    private long _nextConnection;

    /// deadline: how long Settle waits for the wire before it fails, naming what is still busy.
    public WireLockstep(TimeSpan deadline)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(deadline, TimeSpan.Zero);
        _deadline = deadline;
    }

    internal static LockstepFlow? CurrentFlow => s_flow.Value;

    /// True in work a stream runs beside its reader (Beside).
    internal static bool IsBeside => s_beside.Value;

    /// Starts work beside a stream's reader, in the reader's flow: its timers are counted as the flow's waits but
    /// never as the reader's, whether or not the reader owes a message when one of them is armed.
    internal static Task Beside(Func<Task> work)
    {
        ArgumentNullException.ThrowIfNull(work);
        var previous = s_beside.Value;
        s_beside.Value = true;
        try
        {
            return work();
        }
        finally
        {
            s_beside.Value = previous;
        }
    }

    /// Counts the venue's held requests; call once per venue before its connector or server starts.
    public void Add(SimulatedVenue venue)
    {
        ArgumentNullException.ThrowIfNull(venue);
        lock (_gate)
        {
            _lines.Add(venue.Id, new LockstepVenueLine(venue));
        }

        venue.RequestWaiting += _changed.Set;
    }

    /// The wire a connector to venue uses: its HTTP and WebSockets are counted.
    public IVenueWire WireFor(VenueId venue)
    {
        lock (_gate)
        {
            return new LockstepWire(this, _lines[venue]);
        }
    }

    /// The clock a connector reads: clock itself, with the waits of a call on it counted.
    public TimeProvider TimeFor(TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(clock);
        return new LockstepTimeProvider(this, clock);
    }

    /// The connector as the node sees it: calls start and answers arrive only when Settle says so.
    public IVenue Wrap(IVenue connector) => new LockstepVenue(this, connector);

    /// Waits until the wire is quiet, then starts the next call or delivers what has come back; false when there was
    /// nothing to do (the runner may move the clock, once its actors are idle too).
    /// <exception cref="TimeoutException">The wire did not settle within the deadline.</exception>
    public bool Settle()
    {
        WaitQuiet();
        (LockstepSource Source, LockstepFlow Flow) next;
        LockstepSource[] ready;
        lock (_gate)
        {
            if (_toStart.TryDequeue(out next))
            {
                next.Flow.Owed = 1;
                _flows.Add(next.Flow);
                ready = [];
            }
            else
            {
                ready = [.. _sources.Where(s => s.HasReady)];
                _sources.RemoveAll(s => s.IsDone);
            }
        }

        if (next.Source is { } source)
        {
            RunInFlow(next.Flow, source.Start);
            return true;
        }

        foreach (var item in ready)
        {
            item.Release();
        }

        return ready.Length > 0;
    }

    public void Dispose()
    {
        foreach (var line in _lines.Values)
        {
            line.Venue.RequestWaiting -= _changed.Set;
        }

        _changed.Dispose();
    }

    // The exchange's side.

    /// A request (not a WebSocket upgrade) reached the exchange's venue.
    public void ServerRequestStarted(VenueId venue) => Change(() => _lines[venue].ServerActive++);

    /// The exchange finished handling it; its answer is on its way.
    public void ServerRequestEnded(VenueId venue) => Change(() => _lines[venue].ServerActive--);

    /// The exchange's end of a connector's counted socket.
    public WebSocket ServerSocket(WebSocket accepted, string connectionId)
    {
        ArgumentNullException.ThrowIfNull(accepted);
        return new LockstepSocket(this, accepted, Connection(connectionId), flow: null);
    }

    /// Items a venue stream handed to the exchange and the exchange has not yet turned into messages; a caller that
    /// holds the lock (inside Change).
    public void RelayItemsChangedLocked(int delta) => _relayItems += delta;

    // The connectors' side and the sources, for the classes of this folder.

    internal void Enqueue(LockstepSource source, string name)
    {
        lock (_gate)
        {
            source.Sequence = _nextSequence++;
            _sources.Add(source);
            _toStart.Enqueue((source, new LockstepFlow(this, $"{name} #{source.Sequence}", isCall: true)));
        }
    }

    /// Opens a stream's flow at once (a stream subscribes when it is asked for) on the caller's thread.
    internal void StartNow(LockstepSource source, string name)
    {
        LockstepFlow flow;
        lock (_gate)
        {
            source.Sequence = _nextSequence++;
            _sources.Add(source);
            flow = new LockstepFlow(this, $"{name} #{source.Sequence}", isCall: false) { Owed = 1, OwesFirstRead = true };
            _flows.Add(flow);
        }

        RunInFlow(flow, source.Start);
    }

    internal void EndFlow(LockstepFlow flow) => Change(() => _flows.Remove(flow));

    /// EndFlow for a caller that holds the lock (inside Change).
    internal void EndFlowLocked(LockstepFlow flow) => _flows.Remove(flow);

    /// Makes a change to the counts under the lock and wakes a waiting Settle.
    public void Change(Action change)
    {
        lock (_gate)
        {
            change();
        }

        _changed.Set();
    }

    internal LockstepConnection Connection(string id)
    {
        lock (_gate)
        {
            if (!_connections.TryGetValue(id, out var connection))
            {
                _connections[id] = connection = new LockstepConnection(id);
            }

            return connection;
        }
    }

    internal string NextConnectionId() => Interlocked.Increment(ref _nextConnection).ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static void RunInFlow(LockstepFlow flow, Action<LockstepFlow> start)
    {
        var previous = s_flow.Value;
        s_flow.Value = flow;
        try
        {
            start(flow);
        }
        finally
        {
            s_flow.Value = previous;
        }
    }

    private void WaitQuiet()
    {
        var started = Environment.TickCount64;
        while (true)
        {
            _changed.Reset();
            if (Busy() is not { } busy)
            {
                return;
            }

            var left = _deadline.TotalMilliseconds - (Environment.TickCount64 - started);
            if (left <= 0)
            {
                throw new TimeoutException($"The exchange and the connectors did not settle within {_deadline}: {busy}");
            }

            // The venues' held requests are not signalled when a connector gives one up, so look again now and then.
            _changed.Wait(TimeSpan.FromMilliseconds(Math.Min(left, 50)));
        }
    }

    /// What keeps the wire from being quiet, or null.
    private string? Busy()
    {
        (LockstepVenueLine Line, int Client, int Server)[] lines;
        lock (_gate)
        {
            var busy = new StringBuilder();
            foreach (var flow in _flows.Where(f => f.IsRunnable))
            {
                busy.Append(flow).Append("; ");
            }

            foreach (var connection in _connections.Values.Where(c => c.IsBusy))
            {
                busy.Append(connection).Append("; ");
            }

            if (_relayItems > 0)
            {
                busy.Append(_relayItems).Append(" stream items at the exchange; ");
            }

            if (busy.Length > 0)
            {
                return busy.ToString();
            }

            lines = [.. _lines.Values.Select(l => (l, l.ClientHttp, l.ServerActive))];
        }

        foreach (var (line, client, server) in lines)
        {
            var waiting = line.Venue.RequestsWaiting;
            if (client != server || server != waiting)
            {
                return $"{line}, {waiting} held by the venue";
            }
        }

        return null;
    }
}
