using System.Collections.Immutable;

namespace FundingArb.Trading.Instruments;

/// The quote assets a pair may mix, counted one for one: a leg's fees, funding and PnL in one of them count at par in
/// the pair's quote when both are listed (USDT and USDC, say). Two different quotes not both listed cannot be paired,
/// because nothing would convert one leg's money into the other's.
public sealed record QuoteParity
{
    public QuoteParity(IEnumerable<Asset> assets)
    {
        ArgumentNullException.ThrowIfNull(assets);
        Assets = [.. assets];
    }

    public static QuoteParity None { get; } = new([]);

    public ImmutableHashSet<Asset> Assets { get; }

    public bool AreConvertible(Asset one, Asset other) => one == other || (Assets.Contains(one) && Assets.Contains(other));

    public bool Equals(QuoteParity? other) => other is not null && Assets.SetEquals(other.Assets);

    public override int GetHashCode() => Assets.Count;
}
