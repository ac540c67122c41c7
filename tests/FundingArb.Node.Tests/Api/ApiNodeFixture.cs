using FundingArb.Node.Tests.Hosting;

namespace FundingArb.Node.Tests.Api;

/// One in-process node for the API tests, at 60x speed, whose controller proposes nothing (max-pairs = 0) so every
/// pair on it is one a test created.
public sealed class ApiNodeFixture : IAsyncLifetime
{
    public RunningNode Node { get; private set; } = null!;

    public async Task InitializeAsync() =>
        Node = await RunningNode.StartInProcessAsync(overrides: new Dictionary<string, string>
        {
            ["CONFIG_FORCE_strategy_funding__arb_max__pairs"] = "0",
        });

    public async Task DisposeAsync() => await Node.DisposeAsync();
}
