using System.Collections.Immutable;
using FundingArb.Trading.Fees;
using FundingArb.Trading.Liquidity;

namespace FundingArb.Trading.Funding;

/// One leg's venue as a cost estimate needs it: its fees and its book (bids and asks best first).
public sealed record LegBook(FeeSchedule Fees, ImmutableArray<BookLevel> Bids, ImmutableArray<BookLevel> Asks);
