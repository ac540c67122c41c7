namespace FundingArb.Venues.Bybit;

/// The Bybit v5 retCodes this system speaks (bybit-exchange docs, "Error Code"); 0 is success. Both the connector and
/// the exchange's bybit-v5 protocol read them from here, so the two cannot drift apart.
public static class BybitRetCode
{
    public const int Ok = 0;
    public const int ServerTimeout = 10000;
    public const int ParamsError = 10001;
    public const int TimestampOutsideWindow = 10002;
    public const int InvalidApiKey = 10003;
    public const int InvalidSign = 10004;
    public const int TooManyVisits = 10006;
    public const int ServerError = 10016;
    public const int OrderNotExists = 110001;
    public const int InsufficientAvailableBalance = 110007;
    public const int AvailableBalanceNotEnough = 110012;
    public const int ReduceOnlyRuleNotSatisfied = 110017;
    public const int InsufficientAvailableMargin = 110044;
    public const int OrderLinkIdDuplicate = 110072;
    public const int BelowMinNotional = 110094;
}
