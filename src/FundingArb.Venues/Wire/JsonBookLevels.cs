using System.Buffers.Text;
using System.Collections.Immutable;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using FundingArb.Trading.Liquidity;

namespace FundingArb.Venues.Wire;

// Book streams are the busiest thing a connector reads: a level is parsed from the JSON's own UTF-8 bytes, so reading
// one allocates nothing of its own (no string per price or size); the snapshot's array is the only allocation.

/// Reads a side of a book as Binance, Bybit and OKX send it: an array of levels, each an array whose first two items
/// are the price and the size as JSON strings ("65000.1") or numbers; items after them are the venue's own.
public static class JsonBookLevels
{
    /// The first depth levels of the side, in the venue's order (best first). A venue that counts sizes in contracts
    /// gives the base quantity of one as sizeMultiplier.
    public static ImmutableArray<BookLevel> Read(JsonElement levels, int depth, decimal sizeMultiplier = 1m)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(depth);
        var count = Math.Min(levels.GetArrayLength(), depth);
        var side = ImmutableArray.CreateBuilder<BookLevel>(count);
        foreach (var level in levels.EnumerateArray())
        {
            if (side.Count == count)
            {
                break;
            }

            side.Add(new BookLevel(Decimal(level[0]), Decimal(level[1]) * sizeMultiplier));
        }

        return side.MoveToImmutable();
    }

    private static decimal Decimal(JsonElement item)
    {
        var raw = JsonMarshal.GetRawUtf8Value(item);
        var text = item.ValueKind == JsonValueKind.String ? raw[1..^1] : raw;
        return Utf8Parser.TryParse(text, out decimal value, out var consumed) && consumed == text.Length
            ? value
            : throw new FormatException($"A book level's price or size is not a decimal: {Encoding.UTF8.GetString(raw)}");
    }
}
