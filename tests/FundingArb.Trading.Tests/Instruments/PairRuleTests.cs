using FsCheck.Fluent;
using FundingArb.Trading.Instruments;

namespace FundingArb.Trading.Tests.Instruments;

public sealed class PairRuleTests
{
    private static readonly VenueId s_alpha = new("alpha");
    private static readonly VenueId s_gamma = new("gamma");
    private static readonly Asset s_btc = new("BTC");
    private static readonly Asset s_eth = new("ETH");
    private static readonly Asset s_usdt = new("USDT");
    private static readonly Asset s_usdc = new("USDC");
    private static readonly QuoteParity s_stablesAtPar = new([s_usdt, s_usdc]);
    private static readonly TradingRules s_rules = new(0.1m, 0.001m, 0.001m, 5m);

    private static readonly InstrumentCatalogue s_demo = InstrumentCatalogue.Empty
        .With(s_alpha, [Perp(s_alpha, "BTCUSDT", s_btc, s_usdt), Perp(s_alpha, "ETHUSDT", s_eth, s_usdt)])
        .With(s_gamma, [Perp(s_gamma, "BTC", s_btc, s_usdc), Perp(s_gamma, "ETH", s_eth, s_usdc)]);

    private static Instrument Perp(VenueId venue, string symbol, Asset @base, Asset quote, InstrumentKind kind = InstrumentKind.Perpetual,
        bool tradable = true) => new(venue, new Symbol(symbol), @base, quote, s_rules, kind, tradable);

    private static PairProposal Proposal(string asset, string longSymbol, string shortSymbol, string quote = "USDT", string longVenue = "alpha",
        string shortVenue = "gamma") =>
        new(new Asset(asset), new VenueId(longVenue), new Symbol(longSymbol), new VenueId(shortVenue), new Symbol(shortSymbol), new Asset(quote));

    [Fact]
    public void Check_LegsInTheAssetOnTwoVenuesWithQuotesAtPar_Accepts()
    {
        Assert.Null(PairRule.Check(Proposal("ETH", "ETHUSDT", "ETH"), s_demo, s_stablesAtPar));
    }

    [Fact]
    public void Check_LongLegInAnotherAsset_NamesTheLongSymbolItsAssetAndThePairs()
    {
        var refusal = PairRule.Check(Proposal("ETH", "BTCUSDT", "ETH"), s_demo, s_stablesAtPar);

        Assert.Equal(new FieldRefusal("long_symbol", "BTCUSDT is BTC on alpha, not ETH"), refusal);
    }

    [Fact]
    public void Check_ShortLegInAnotherAsset_NamesTheShortSymbol()
    {
        var refusal = PairRule.Check(Proposal("BTC", "BTCUSDT", "ETH"), s_demo, s_stablesAtPar);

        Assert.Equal(new FieldRefusal("short_symbol", "ETH is ETH on gamma, not BTC"), refusal);
    }

    [Fact]
    public void Check_BothLegsInAnotherAssetThanThePair_RefusesTheLongLegFirst()
    {
        var refusal = PairRule.Check(Proposal("BTC", "ETHUSDT", "ETH"), s_demo, s_stablesAtPar);

        Assert.Equal("long_symbol", refusal?.Field);
    }

    [Fact]
    public void Check_QuotesNotAtPar_NamesBothQuotesAndTheKey()
    {
        var refusal = PairRule.Check(Proposal("ETH", "ETHUSDT", "ETH"), s_demo, QuoteParity.None);

        Assert.Equal("short_symbol", refusal?.Field);
        Assert.Contains("no conversion between USDT and USDC is configured (quotes-at-par)", refusal?.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_PairQuoteNeitherLegsNorAtPar_NamesTheQuote()
    {
        var refusal = PairRule.Check(Proposal("ETH", "ETHUSDT", "ETH", quote: "EUR"), s_demo, s_stablesAtPar);

        Assert.Equal("quote", refusal?.Field);
        Assert.StartsWith("EUR is neither leg's quote", refusal?.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_SameVenueTwice_NamesTheShortVenue()
    {
        var refusal = PairRule.Check(Proposal("ETH", "ETHUSDT", "ETHUSDT", shortVenue: "alpha"), s_demo, s_stablesAtPar);

        Assert.Equal("short_venue", refusal?.Field);
    }

    [Fact]
    public void Check_UnknownVenue_NamesItAndTheKnownOnes()
    {
        var refusal = PairRule.Check(Proposal("ETH", "ETHUSDT", "ETH", shortVenue: "delta"), s_demo, s_stablesAtPar);

        Assert.Equal(new FieldRefusal("short_venue", "delta is not a venue here (alpha, gamma)"), refusal);
    }

    [Fact]
    public void Check_SymbolNotListed_NamesTheSymbolAndVenue()
    {
        var refusal = PairRule.Check(Proposal("ETH", "ETH-PERP", "ETH"), s_demo, s_stablesAtPar);

        Assert.Equal(new FieldRefusal("long_symbol", "ETH-PERP is not listed on alpha"), refusal);
    }

    [Fact]
    public void CheckLegs_DatedFuture_IsRefusedForPayingNoFunding()
    {
        var future = Perp(s_gamma, "ETH-0327", s_eth, s_usdc, InstrumentKind.Future);

        var refusal = PairRule.CheckLegs(Proposal("ETH", "ETHUSDT", "ETH-0327"), s_demo.Find(s_alpha, new Symbol("ETHUSDT"))!, future, s_stablesAtPar);

        Assert.Equal(new FieldRefusal("short_symbol", "ETH-0327 on gamma is a future, not a perpetual: it pays no funding"), refusal);
    }

    [Fact]
    public void CheckLegs_HaltedMarket_IsRefused()
    {
        var halted = Perp(s_gamma, "ETH", s_eth, s_usdc, tradable: false);

        var refusal = PairRule.CheckLegs(Proposal("ETH", "ETHUSDT", "ETH"), s_demo.Find(s_alpha, new Symbol("ETHUSDT"))!, halted, s_stablesAtPar);

        Assert.Equal(new FieldRefusal("short_symbol", "ETH on gamma is not trading"), refusal);
    }

    [Fact]
    public void CheckLegs_InstrumentOfAnotherSymbolThanProposed_IsRefused()
    {
        var refusal = PairRule.CheckLegs(Proposal("ETH", "ETHUSDT", "ETH"), s_demo.Find(s_alpha, new Symbol("BTCUSDT"))!, s_demo.Find(s_gamma, new Symbol("ETH"))!,
            s_stablesAtPar);

        Assert.Equal("long_symbol", refusal?.Field);
    }

    // Against catalogues of random venues, assets, quotes, kinds and halts, and proposals that mostly miss: the rule
    // accepts exactly the proposals whose two markets exist on two venues, are tradable perpetuals of the pair's asset,
    // and whose quotes (and the pair's) convert; a refusal names a field of the proposal and quotes its value.
    [Fact]
    public void Check_RandomCataloguesAndProposals_AcceptsExactlyTheHedges()
    {
        var venues = new[] { "v0", "v1", "v2" };
        var assets = new[] { "BTC", "ETH", "SOL" };
        var quotes = new[] { "USDT", "USDC", "EUR" };
        var instrument = from venue in Gen.Elements(venues)
                         from @base in Gen.Elements(assets)
                         from quote in Gen.Elements(quotes)
                         from future in Gen.Frequency((5, Gen.Constant(false)), (1, Gen.Constant(true)))
                         from halted in Gen.Frequency((5, Gen.Constant(false)), (1, Gen.Constant(true)))
                         select Perp(new VenueId(venue), $"{@base}{quote}{(future ? "-0327" : "")}", new Asset(@base), new Asset(quote),
                             future ? InstrumentKind.Future : InstrumentKind.Perpetual, !halted);
        var cases = from listed in Gen.ListOf(instrument)
                    from parity in Gen.SubListOf(quotes)
                    from asset in Gen.Elements(assets)
                    from longVenue in Gen.Elements([.. venues, "v9"])
                    from shortVenue in Gen.Elements([.. venues, "v9"])
                    from longSymbol in Gen.Elements([.. listed.Select(i => i.Symbol.Value), "NONE"])
                    from shortSymbol in Gen.Elements([.. listed.Select(i => i.Symbol.Value), "NONE"])
                    from quote in Gen.Elements(quotes)
                    select (Catalogue(listed), new QuoteParity(parity.Select(q => new Asset(q))),
                        new PairProposal(new Asset(asset), new VenueId(longVenue), new Symbol(longSymbol), new VenueId(shortVenue), new Symbol(shortSymbol),
                            new Asset(quote)));

        PropertyCheck.Run(Prop.ForAll(cases.ToArbitrary(), c =>
        {
            var (catalogue, parity, proposal) = c;
            var refusal = PairRule.Check(proposal, catalogue, parity);
            var longLeg = catalogue.Find(proposal.LongVenue, proposal.LongSymbol);
            var shortLeg = catalogue.Find(proposal.ShortVenue, proposal.ShortSymbol);
            var hedge = longLeg is not null && shortLeg is not null && proposal.LongVenue != proposal.ShortVenue
                && new[] { longLeg, shortLeg }.All(i => i.Kind == InstrumentKind.Perpetual && i.IsTradable && i.Base == proposal.Asset)
                && new[] { longLeg.Quote, shortLeg.Quote, proposal.Quote }.Distinct().Count() is var distinct
                && (distinct == 1 || new[] { longLeg.Quote, shortLeg.Quote, proposal.Quote }.All(parity.Assets.Contains));
            return refusal is null ? hedge : !hedge && Names(refusal, proposal);
        }), maxTest: 2_000);
    }

    private static InstrumentCatalogue Catalogue(IEnumerable<Instrument> listed) =>
        listed.GroupBy(i => i.Venue).Aggregate(InstrumentCatalogue.Empty, (catalogue, venue) => catalogue.With(venue.Key, venue.DistinctBy(i => i.Symbol)));

    private static bool Names(FieldRefusal refusal, PairProposal proposal) => refusal.Field switch
    {
        "long_venue" => refusal.Reason.StartsWith(proposal.LongVenue.Value, StringComparison.Ordinal),
        "short_venue" => refusal.Reason.StartsWith(proposal.ShortVenue.Value, StringComparison.Ordinal),
        "long_symbol" => refusal.Reason.StartsWith(proposal.LongSymbol.Value, StringComparison.Ordinal),
        "short_symbol" => refusal.Reason.StartsWith(proposal.ShortSymbol.Value, StringComparison.Ordinal),
        "quote" => refusal.Reason.StartsWith(proposal.Quote.Code, StringComparison.Ordinal),
        _ => false,
    };
}
