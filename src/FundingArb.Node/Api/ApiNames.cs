using System.Text.Json;
using FundingArb.Trading.Executors;

namespace FundingArb.Node.Api;

/// Hummingbot's spelling of statuses and close types (TAKE_PROFIT, ROLLED_BACK, RUNNING), which its users read.
public static class ApiNames
{
    public static string Of(CloseType closeType) => JsonNamingPolicy.SnakeCaseUpper.ConvertName(closeType.ToString());

    public static string Of(RunnableStatus status) => JsonNamingPolicy.SnakeCaseUpper.ConvertName(status.ToString());
}
