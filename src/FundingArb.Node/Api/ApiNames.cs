using System.Text.Json;
using FundingArb.Actors.Pairs;
using FundingArb.Trading.Executors;

namespace FundingArb.Node.Api;

/// Hummingbot's spelling of statuses and close types (TAKE_PROFIT, ROLLED_BACK, RUNNING), which its users read; halt kinds in
/// snake case (rule_broken), as every other field.
public static class ApiNames
{
    public static string Of(CloseType closeType) => JsonNamingPolicy.SnakeCaseUpper.ConvertName(closeType.ToString());

    public static string Of(RunnableStatus status) => JsonNamingPolicy.SnakeCaseUpper.ConvertName(status.ToString());

    public static string Of(PairHaltKind kind) => JsonNamingPolicy.SnakeCaseLower.ConvertName(kind.ToString());
}
