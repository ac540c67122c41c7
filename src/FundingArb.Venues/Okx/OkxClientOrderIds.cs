using System.Text.RegularExpressions;
using FundingArb.Trading.Instruments;
using FundingArb.Trading.Orders;
using FundingArb.Venues.Errors;

namespace FundingArb.Venues.Okx;

// OKX takes a clOrdId of at most 32 letters and digits. ClientOrderIdSource derives `0x` + 32 hex digits (34
// characters), so that form goes on the wire without its `0x` and every 32-lowercase-hex clOrdId read back gets it again.
// To keep the mapping one-to-one, an id that is already 32 lowercase hex digits is refused: it would come back prefixed.

/// Our client order ids as OKX clOrdIds and back.
internal static partial class OkxClientOrderIds
{
    private const string DerivedPrefix = "0x";

    public static string ToWire(VenueId venue, ClientOrderId id)
    {
        var value = id.Value;
        if (DerivedPattern().IsMatch(value))
        {
            return value[DerivedPrefix.Length..];
        }

        return ClOrdIdPattern().IsMatch(value) && !HexPattern().IsMatch(value)
            ? value
            : throw new InvalidOrderException(venue, id, "OKX takes a clOrdId of 1 to 32 letters and digits (or 0x and 32 lowercase hex digits, sent without 0x)");
    }

    public static ClientOrderId FromWire(string clOrdId) => new(HexPattern().IsMatch(clOrdId) ? DerivedPrefix + clOrdId : clOrdId);

    [GeneratedRegex("^[A-Za-z0-9]{1,32}$")]
    private static partial Regex ClOrdIdPattern();

    [GeneratedRegex("^0x[0-9a-f]{32}$")]
    private static partial Regex DerivedPattern();

    [GeneratedRegex("^[0-9a-f]{32}$")]
    private static partial Regex HexPattern();
}
