using System.Collections.Immutable;
using FundingArb.Trading.Fees;
using FundingArb.Trading.Instruments;
using FundingArb.Venues.Simulation;

namespace FundingArb.Venues.Paper;

/// How a paper account behaves: its starting wallet and the venue rules it plays by (fees, post-only style, leverage),
/// which a real venue's public endpoints do not publish and so come from configuration.
public sealed record PaperVenueSettings
{
    /// Starting wallet balances, one per collateral asset; used only when no saved state exists.
    public ImmutableArray<Money> Balances { get; init; } = [];

    public FeeSchedule Fees { get; init; } = new(0.0002m, 0.0005m);

    public PostOnlyStyle PostOnly { get; init; } = PostOnlyStyle.RejectOnSubmit;

    /// Initial margin is notional / Leverage, for positions and for resting orders that would add to them.
    public decimal Leverage { get; init; } = 10m;

    /// Levels of the live book a taker order may walk (read by REST at placement).
    public int BookDepth { get; init; } = 50;

    /// Levels of the venue's book stream that resting orders are matched against: 20, the most Binance's partial-depth
    /// stream carries (Bybit and OKX serve at least as many).
    public int StreamDepth { get; init; } = 20;

    /// How often the venue's funding is read for markets the account has touched: a settlement is noticed (and paid)
    /// at most this long after the venue's settlement time.
    public TimeSpan FundingPollInterval { get; init; } = TimeSpan.FromSeconds(15);

    /// The wait before a dropped book stream is opened again.
    public TimeSpan ResubscribeDelay { get; init; } = TimeSpan.FromSeconds(1);

    internal void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(Leverage, 1m);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(BookDepth);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(StreamDepth);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(FundingPollInterval, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThan(ResubscribeDelay, TimeSpan.Zero);
        foreach (var balance in Balances)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(balance.Amount, nameof(Balances));
        }
    }
}
