namespace FundingArb.Trading.Barriers;

/// Another direction for the same asset a pair could switch to: its expected spread per day and the fees of its round
/// trip, both as fractions of one leg's notional.
public readonly record struct SwitchCandidate(decimal ExpectedSpreadPerDay, decimal RoundTripFeeRate);
