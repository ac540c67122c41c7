namespace FundingArb.Actors.Pairs;

/// Where a funding-arb executor is in its life: Opening → Open → Closing → Closed, with the entry's two
/// detours (Completing the short leg, RollingBack both).
public enum PairPhase
{
    New,
    Opening,
    Completing,
    RollingBack,
    Open,
    Closing,
    Closed,
}
