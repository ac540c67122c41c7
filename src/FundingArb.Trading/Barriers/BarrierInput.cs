namespace FundingArb.Trading.Barriers;

/// One step's inputs. PositionEstablished says the filled size has reached the venue's minimums; Hummingbot
/// waits for the open order to fill completely (executors.md 2.10), which leaves a partial fill unprotected.
public readonly record struct BarrierInput(decimal NetPnlFraction, bool PositionEstablished, DateTimeOffset CreatedAt, DateTimeOffset Now);
