namespace FundingArb.Trading.Instruments;

// A delta-neutral pair is only neutral when both legs move with the same asset: a long BTC leg against a short ETH
// leg of "equal base quantity" is naked exposure that looks hedged on every screen. Every way a pair is made (the API,
// the controller, a scenario, a journal being recovered) goes through this rule, so no path can skip it.

/// The rule a funding-arb pair must satisfy before anything is recorded or traded for it.
public static class PairRule
{
    /// The first thing wrong with the proposal against the markets known here, or null when it may be made: both
    /// venues known and different, each symbol listed on its venue, then CheckLegs.
    public static FieldRefusal? Check(PairProposal proposal, InstrumentCatalogue catalogue, QuoteParity parity)
    {
        ArgumentNullException.ThrowIfNull(proposal);
        ArgumentNullException.ThrowIfNull(catalogue);
        ArgumentNullException.ThrowIfNull(parity);
        if ((UnknownVenue("long_venue", proposal.LongVenue, catalogue) ?? UnknownVenue("short_venue", proposal.ShortVenue, catalogue)) is { } unknown)
        {
            return unknown;
        }

        if (proposal.LongVenue == proposal.ShortVenue)
        {
            return SameVenue(proposal);
        }

        var longLeg = catalogue.Find(proposal.LongVenue, proposal.LongSymbol);
        if (longLeg is null)
        {
            return new FieldRefusal("long_symbol", $"{proposal.LongSymbol} is not listed on {proposal.LongVenue}");
        }

        var shortLeg = catalogue.Find(proposal.ShortVenue, proposal.ShortSymbol);
        if (shortLeg is null)
        {
            return new FieldRefusal("short_symbol", $"{proposal.ShortSymbol} is not listed on {proposal.ShortVenue}");
        }

        return CheckLegs(proposal, longLeg, shortLeg, parity);
    }

    /// The rule on the two instruments the proposal's legs name: different venues; each a tradable perpetual whose base
    /// is the pair's asset; quotes that are equal or at par with each other and with the pair's quote.
    public static FieldRefusal? CheckLegs(PairProposal proposal, Instrument longLeg, Instrument shortLeg, QuoteParity parity)
    {
        ArgumentNullException.ThrowIfNull(proposal);
        ArgumentNullException.ThrowIfNull(longLeg);
        ArgumentNullException.ThrowIfNull(shortLeg);
        ArgumentNullException.ThrowIfNull(parity);
        if (proposal.LongVenue == proposal.ShortVenue)
        {
            return SameVenue(proposal);
        }

        if ((Leg("long_symbol", proposal.LongVenue, proposal.LongSymbol, longLeg, proposal.Asset)
            ?? Leg("short_symbol", proposal.ShortVenue, proposal.ShortSymbol, shortLeg, proposal.Asset)) is { } wrongLeg)
        {
            return wrongLeg;
        }

        if (!parity.AreConvertible(longLeg.Quote, shortLeg.Quote))
        {
            return new FieldRefusal("short_symbol",
                $"{shortLeg.Symbol} settles in {shortLeg.Quote} on {shortLeg.Venue} and {longLeg.Symbol} in {longLeg.Quote} on {longLeg.Venue}; "
                + $"no conversion between {longLeg.Quote} and {shortLeg.Quote} is configured (quotes-at-par)");
        }

        if (!parity.AreConvertible(proposal.Quote, longLeg.Quote) || !parity.AreConvertible(proposal.Quote, shortLeg.Quote))
        {
            return new FieldRefusal("quote",
                $"{proposal.Quote} is neither leg's quote ({longLeg.Quote} on {longLeg.Venue}, {shortLeg.Quote} on {shortLeg.Venue}) nor at par with both");
        }

        return null;
    }

    private static FieldRefusal? UnknownVenue(string field, VenueId venue, InstrumentCatalogue catalogue) =>
        catalogue.HasVenue(venue)
            ? null
            : new FieldRefusal(field, $"{venue} is not a venue here ({string.Join(", ", catalogue.Venues.Select(v => v.Value).Order(StringComparer.Ordinal))})");

    private static FieldRefusal SameVenue(PairProposal proposal) =>
        new("short_venue", $"{proposal.ShortVenue} is the long venue too; a pair's legs are on two venues");

    private static FieldRefusal? Leg(string field, VenueId venue, Symbol symbol, Instrument instrument, Asset asset)
    {
        if (instrument.Venue != venue || instrument.Symbol != symbol)
        {
            return new FieldRefusal(field, $"{symbol} on {venue} was asked for, but the leg trades {instrument.Symbol} on {instrument.Venue}");
        }

        if (instrument.Kind != InstrumentKind.Perpetual)
        {
            return new FieldRefusal(field, $"{symbol} on {venue} is a {instrument.Kind.ToString().ToLowerInvariant()}, not a perpetual: it pays no funding");
        }

        if (!instrument.IsTradable)
        {
            return new FieldRefusal(field, $"{symbol} on {venue} is not trading");
        }

        return instrument.Base == asset ? null : new FieldRefusal(field, $"{symbol} is {instrument.Base} on {venue}, not {asset}");
    }
}
