using FundingArb.Venues.Errors;
using FundingArb.Venues.Scenarios;
using FundingArb.Venues.Simulation.Faults;

namespace FundingArb.Venues.Tests.Scenarios;

// One fault on its own, as the exchange's admin endpoint receives it (JSON, read as HOCON).
public sealed class ScenarioLoaderFaultTests
{
    private static readonly DateTimeOffset s_at = new(2026, 3, 2, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public void ParseFault_DisconnectJson_StartsAtTheGivenTimeForItsDuration()
    {
        var fault = ScenarioLoader.ParseFault("""{"kind":"disconnect","duration":"30s"}""", s_at);

        Assert.Equal(new DisconnectFault(s_at, TimeSpan.FromSeconds(30)), fault);
    }

    [Fact]
    public void ParseFault_RejectOrdersWithError_ReadsCountAndError()
    {
        var fault = Assert.IsType<RejectOrdersFault>(ScenarioLoader.ParseFault("""{"kind":"reject-orders","count":3,"error":"post-only-would-cross"}""", s_at));

        Assert.Equal((3, VenueError.PostOnlyWouldCross), (fault.Count, fault.Error));
    }

    [Fact]
    public void ParseFault_NodeCrash_IsNotAVenueFaultAndNamesTheKinds()
    {
        var failure = Assert.Throws<ScenarioException>(() => ScenarioLoader.ParseFault("""{"kind":"crash-and-restart"}""", s_at));

        Assert.Equal("kind", failure.Path);
        Assert.Contains("unknown fault kind 'crash-and-restart'; expected one of reject-orders, no-fill, partial-fill, disconnect", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ParseFault_KeyOfAnotherKind_IsRefusedByName()
    {
        var failure = Assert.Throws<ScenarioException>(() => ScenarioLoader.ParseFault("""{"kind":"disconnect","duration":"5s","count":2}""", s_at));

        Assert.Equal("count", failure.Path);
    }
}
