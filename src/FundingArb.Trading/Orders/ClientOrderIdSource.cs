using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace FundingArb.Trading.Orders;

/// <summary>
/// The client order ids of one persistence id: `0x`, then 16 hex digits of the id's SHA-256, then the sequence
/// number as 16 hex digits. The hash is taken once here, not per order, because deriving an id is on the path
/// from a decision to the venue, where SHA-256 cost several microseconds a call. The form fits Binance's
/// 36-character limit and Hyperliquid's 128-bit cloid, and an id names the journal event that intended it.
/// </summary>
public sealed class ClientOrderIdSource
{
    private readonly string _prefix;

    public ClientOrderIdSource(string persistenceId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(persistenceId);
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(persistenceId));
        _prefix = "0x" + Convert.ToHexStringLower(hash.AsSpan(0, 8));
    }

    /// Deterministic in (persistence id, sequenceNr), so a replayed executor derives the same id for the same intent.
    public ClientOrderId Derive(long sequenceNr)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(sequenceNr);
        return new ClientOrderId(string.Create(CultureInfo.InvariantCulture, $"{_prefix}{sequenceNr:x16}"));
    }
}
