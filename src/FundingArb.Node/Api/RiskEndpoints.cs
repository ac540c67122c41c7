using FundingArb.Actors.Risk;
using Akka.Actor;
using FundingArb.Node.Hosting;

namespace FundingArb.Node.Api;

/// Body of POST /api/v1/risk/kill-switch: engage (with a reason; close_all also closes every pair) or release.
public sealed record KillSwitchRequest(bool Engaged, string? Reason, bool CloseAll);

/// /api/v1/risk: the risk gate's status, and the kill switch.
public static class RiskEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        api.MapGet("/risk", async (NodeRuntime node, CancellationToken ct) =>
            Results.Ok(await node.Actors.RiskGate.Ask<RiskStatus>(GetRiskStatus.Instance, node.AskTimeout, ct).ConfigureAwait(false)));

        api.MapPost("/risk/kill-switch", async (KillSwitchRequest? body, NodeRuntime node, CancellationToken ct) =>
        {
            if (body is null)
            {
                return Problems.BadRequest("body", "a JSON object with engaged (and reason, close_all to engage) is required");
            }

            if (body.Engaged && string.IsNullOrWhiteSpace(body.Reason))
            {
                return Problems.BadRequest("reason", "engaging the kill switch needs a reason");
            }

            object command = body.Engaged ? new EngageKillSwitch(body.Reason!, body.CloseAll) : ReleaseKillSwitch.Instance;
            return Results.Ok(await node.Actors.RiskGate.Ask<RiskStatus>(command, node.AskTimeout, ct).ConfigureAwait(false));
        }).RequireToken();
    }
}
