using FundingArb.Trading.Instruments;

namespace FundingArb.Venues;

/// One collateral asset of a cross-margin account. Wallet is cash (deposits, realized PnL, fees, funding);
/// Equity adds unrealized PnL at mark; margins are initial margin at the account's leverage.
public sealed record VenueBalance(Asset Asset, decimal Wallet, decimal UnrealizedPnl, decimal PositionMargin, decimal OrderMargin)
{
    public decimal Equity => Wallet + UnrealizedPnl;

    /// What a new order may use as margin; negative when the account is below its initial margin.
    public decimal Available => Equity - PositionMargin - OrderMargin;
}
