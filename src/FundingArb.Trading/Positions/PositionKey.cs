using FundingArb.Trading.Instruments;

namespace FundingArb.Trading.Positions;

/// Where a position lives. Side is set only for a hedge-mode perp, where a long and a short on the same
/// market are two positions; in one-way mode and on spot it is null and the position nets.
public readonly record struct PositionKey(VenueId Venue, Symbol Symbol, PositionSide? Side = null);
