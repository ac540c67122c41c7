using System.Globalization;

namespace FundingArb.Trading.Instruments;

/// An amount of one asset. Arithmetic and comparison across assets throw, because adding USDT to USDC
/// silently is how a report ends up off by the depeg.
public readonly record struct Money(decimal Amount, Asset Asset) : IComparable<Money>
{
    public static Money Zero(Asset asset) => new(0m, asset);

    public Money Add(Money other)
    {
        EnsureSameAsset(other);
        return new Money(Amount + other.Amount, Asset);
    }

    public Money Subtract(Money other)
    {
        EnsureSameAsset(other);
        return new Money(Amount - other.Amount, Asset);
    }

    public Money Multiply(decimal factor) => new(Amount * factor, Asset);

    public Money Negate() => new(-Amount, Asset);

    public int CompareTo(Money other)
    {
        EnsureSameAsset(other);
        return Amount.CompareTo(other.Amount);
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Amount} {Asset.Code}");

    public static Money operator +(Money left, Money right) => left.Add(right);

    public static Money operator -(Money left, Money right) => left.Subtract(right);

    public static Money operator -(Money value) => value.Negate();

    public static Money operator *(Money left, decimal right) => left.Multiply(right);

    public static bool operator <(Money left, Money right) => left.CompareTo(right) < 0;

    public static bool operator >(Money left, Money right) => left.CompareTo(right) > 0;

    public static bool operator <=(Money left, Money right) => left.CompareTo(right) <= 0;

    public static bool operator >=(Money left, Money right) => left.CompareTo(right) >= 0;

    private void EnsureSameAsset(Money other)
    {
        if (Asset != other.Asset)
        {
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"Cannot combine {Asset.Code} with {other.Asset.Code}: convert first."),
                nameof(other));
        }
    }
}
