namespace FundingArb.Venues.Okx;

/// The OKX v5 codes this library reads or serves (OKX's error-code table). Top-level `code` and per-order `sCode` share
/// the numbering; both are strings on the wire.
public static class OkxCode
{
    public const string Ok = "0";

    /// The top-level code of a batch-style answer (place, cancel) whose every item failed; the reason is data[i].sCode.
    public const string AllFailed = "1";

    public const string ServiceUnavailable = "50001";
    public const string Timeout = "50004";
    public const string RateLimited = "50011";

    /// The key belongs to the other environment: a demo key without `x-simulated-trading: 1`, or the reverse.
    public const string WrongEnvironment = "50101";
    public const string TimestampExpired = "50102";
    public const string KeyMissing = "50103";
    public const string PassphraseMissing = "50104";
    public const string PassphraseIncorrect = "50105";
    public const string SignMissing = "50106";
    public const string TimestampMissing = "50107";
    public const string InvalidKey = "50111";
    public const string InvalidTimestamp = "50112";
    public const string InvalidSign = "50113";

    public const string ParameterError = "51000";
    public const string InsufficientMargin = "51008";
    public const string DuplicateClOrdId = "51016";
    public const string BelowMinSize = "51020";
    public const string SizeNotLotMultiple = "51121";
    public const string ReduceOnlyIncreases = "51170";
    public const string CancelFailedNoOrder = "51400";
    public const string OrderNotExist = "51603";

    /// cancelSource of an order OKX cancelled because, post-only, it would have taken liquidity.
    public const string PostOnlyCancelSource = "31";

    /// cancelSource of an order its owner cancelled.
    public const string UserCancelSource = "1";

    /// cancelSource of an IOC, FOK or market remainder OKX cancelled once matching ended.
    public const string UnfilledCancelSource = "14";
}
