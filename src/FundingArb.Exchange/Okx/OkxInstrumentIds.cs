using System.Collections.Frozen;
using System.Diagnostics.CodeAnalysis;
using FundingArb.Trading.Instruments;

namespace FundingArb.Exchange.Okx;

// OKX names a USDT-margined perpetual BASE-QUOTE-SWAP whatever symbol the scenario gave the market, so the served
// instId is derived from the instrument's assets. Two markets on one venue with the same assets cannot be told apart
// that way and are refused when the protocol is mapped.

/// The instIds of one served venue's markets, both ways, and each market's contract value (base units per contract).
internal sealed class OkxInstrumentIds
{
    private readonly FrozenDictionary<string, Instrument> _byInstId;
    private readonly FrozenDictionary<Symbol, string> _bySymbol;

    public OkxInstrumentIds(IEnumerable<Instrument> instruments)
    {
        var byInstId = new Dictionary<string, Instrument>(StringComparer.Ordinal);
        foreach (var instrument in instruments)
        {
            var instId = InstIdOf(instrument);
            if (!byInstId.TryAdd(instId, instrument))
            {
                throw new ArgumentException($"Markets {byInstId[instId].Symbol} and {instrument.Symbol} would both be served as {instId}.", nameof(instruments));
            }
        }

        _byInstId = byInstId.ToFrozenDictionary(StringComparer.Ordinal);
        _bySymbol = byInstId.ToFrozenDictionary(p => p.Value.Symbol, p => p.Key);
    }

    public IEnumerable<Instrument> All => _byInstId.Values;

    public static string InstIdOf(Instrument instrument) => $"{instrument.Base.Code}-{instrument.Quote.Code}-SWAP";

    /// The index instId OKX's index tickers use: BASE-QUOTE.
    public static string IndexIdOf(Instrument instrument) => $"{instrument.Base.Code}-{instrument.Quote.Code}";

    public string InstId(Symbol symbol) => _bySymbol[symbol];

    public Instrument Find(string? instId) =>
        string.IsNullOrEmpty(instId) ? throw new OkxParameterException("instId", instId, "an instId")
        : _byInstId.TryGetValue(instId, out var instrument) ? instrument
        : throw new OkxParameterException("instId", instId, "a listed SWAP instId");

    public bool TryFind(string? instId, [NotNullWhen(true)] out Instrument? instrument)
    {
        instrument = null;
        return instId is not null && _byInstId.TryGetValue(instId, out instrument);
    }

    public Instrument FindIndex(string? indexId) =>
        _byInstId.Values.FirstOrDefault(i => string.Equals(IndexIdOf(i), indexId, StringComparison.Ordinal))
        ?? throw new OkxParameterException("instId", indexId, "a listed index (BASE-QUOTE)");

    /// Contracts to base units: sz × ctVal.
    public static decimal ToBase(Instrument instrument, decimal contracts) => contracts * instrument.Rules.ContractMultiplier;

    public static decimal ToContracts(Instrument instrument, decimal baseSize) => baseSize / instrument.Rules.ContractMultiplier;
}
