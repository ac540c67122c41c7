namespace FundingArb.Actors.Pairs;

/// Why an executor stopped managing its pair and left its legs to the user.
public enum PairHaltKind
{
    /// A venue the pair holds is not configured on this node.
    Stranded,

    /// The pair breaks the pair rule (legs in two assets, a quote with no conversion, a market that is no perpetual).
    RuleBroken,

    /// Its journal cannot be replayed (an unreadable row, the journal out of reach), after every retry.
    RecoveryFailed,
}
