using System.Collections.Immutable;
using FundingArb.Trading.Orders;
using FundingArb.Venues.Errors;
using FundingArb.Venues.Simulation.Faults;

namespace FundingArb.Venues.Simulation;

public sealed partial class SimulatedVenue
{
    private readonly ImmutableArray<VenueFault> _faults;

    // How many requests each counted fault still acts on, by index in _faults; zero for faults with a duration.
    private readonly int[] _faultRemaining;

    public ImmutableArray<VenueFault> Faults => _faults;

    /// Uses up one count of the first armed fault of this kind (in scenario order), or returns null.
    private TFault? TakeCountedFault<TFault>()
        where TFault : VenueFault
    {
        for (var i = 0; i < _faults.Length; i++)
        {
            if (_faults[i] is TFault fault && _faultRemaining[i] > 0 && fault.At.UtcTicks <= _nowTicks)
            {
                _faultRemaining[i]--;
                return fault;
            }
        }

        return null;
    }

    /// The end of the latest active window of this kind, or null when none is active now.
    private long? ActiveUntil<TFault>(Func<TFault, TimeSpan> duration)
        where TFault : VenueFault
    {
        long? until = null;
        foreach (var fault in _faults)
        {
            if (fault is TFault typed && typed.At.UtcTicks <= _nowTicks)
            {
                var end = typed.At.UtcTicks + duration(typed).Ticks;
                if (end > _nowTicks && (until is null || end > until))
                {
                    until = end;
                }
            }
        }

        return until;
    }

    private bool IsDisconnected => ActiveUntil<DisconnectFault>(static f => f.Duration) is not null;

    private bool IsNoFill => ActiveUntil<NoFillFault>(static f => f.Duration) is not null;

    private void ScheduleConnectionWork()
    {
        foreach (var fault in _faults)
        {
            if (fault is DisconnectFault && fault.At.UtcTicks >= _nowTicks)
            {
                Schedule(fault.At.UtcTicks, WorkPhase.Connection, new DisconnectWork());
            }
        }
    }

    /// A request that cannot leave the client: the connection is down, or the venue is rate limiting.
    private VenueException? RefuseAtSend()
    {
        if (IsDisconnected)
        {
            return new VenueUnavailableException(Id);
        }

        return ActiveUntil<RateLimitFault>(static f => f.Duration) is { } until
            ? new RateLimitedException(Id, TimeSpan.FromTicks(until - _nowTicks))
            : null;
    }

    private void Disconnect() => FailSubscriptions(new VenueUnavailableException(Id));

    /// The error a reject-orders fault names, with the figures of the order it refuses where it has any.
    private VenueException InjectedError(VenueError error, OrderRequest request, MarketState market)
    {
        var id = request.ClientOrderId;
        var price = request.Price ?? market.Mark;
        return error switch
        {
            VenueError.InsufficientMargin => new InsufficientMarginException(Id, id, request.Quantity * price / _settings.Leverage, 0m),
            VenueError.PostOnlyWouldCross => new PostOnlyWouldCrossException(Id, id, price, market.Mark),
            VenueError.BelowMinNotional => new BelowMinNotionalException(Id, id, request.Quantity * price, market.Rules.MinNotional),
            VenueError.RateLimited => new RateLimitedException(Id, TimeSpan.FromSeconds(1)),
            VenueError.DuplicateClientOrderId => new DuplicateClientOrderIdException(Id, id),
            VenueError.UnknownOrder => new UnknownOrderException(Id, id, "injected fault"),
            VenueError.VenueUnavailable => new VenueUnavailableException(Id),
            VenueError.Timeout => new VenueTimeoutException(Id, _settings.RequestTimeout),
            VenueError.ReduceOnlyRejected => new ReduceOnlyRejectedException(Id, id, market.Position.NetQuantity),
            VenueError.InvalidOrder => new InvalidOrderException(Id, id, "injected fault"),
            VenueError.AuthenticationFailed => new AuthenticationFailedException(Id, "injected fault"),
            _ => throw new ArgumentOutOfRangeException(nameof(error), error, "Unknown venue error."),
        };
    }
}
