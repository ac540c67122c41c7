namespace FundingArb.Actors.Pairs;

/// What a leg is working toward: the phase of the pair it was spawned for. Its journalled text is the stage's Text.
public enum LegStage
{
    /// Opening: take the position.
    Entry,

    /// Completing: take the rest of the short leg's position at market.
    Complete,

    /// RollingBack: undo what the entry filled.
    Rollback,

    /// Closing: leave the position.
    Exit,
}
