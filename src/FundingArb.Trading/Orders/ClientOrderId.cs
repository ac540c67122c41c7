using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace FundingArb.Trading.Orders;

/// The id we give an order before sending it; the key that makes a resend after a crash recognisable.
public readonly record struct ClientOrderId
{
    private readonly string? _value;

    public ClientOrderId(string value)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(value);
        _value = value;
    }

    public string Value => _value ?? string.Empty;

    /// Deterministic in (persistenceId, sequenceNr), so a replayed executor derives the same id for the
    /// same intent. The form `0x` + 32 hex digits (16 bytes of SHA-256) fits Binance's 36-character limit
    /// and Hyperliquid's 128-bit cloid.
    public static ClientOrderId Derive(string persistenceId, long sequenceNr)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(persistenceId);
        ArgumentOutOfRangeException.ThrowIfNegative(sequenceNr);
        var input = Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{persistenceId}:{sequenceNr}"));
        var hash = SHA256.HashData(input);
        return new ClientOrderId("0x" + Convert.ToHexStringLower(hash.AsSpan(0, 16)));
    }

    public override string ToString() => Value;
}
