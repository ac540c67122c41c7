using System.Reflection;

namespace FundingArb.Architecture.Tests;

/// The projects' dependency rule: each FundingArb assembly may reference only the ones listed, so the domain stays free
/// of actors and I/O and nothing depends on the node.
public sealed class DependencyRuleTests
{
    private static readonly Dictionary<string, string[]> s_allowed = new()
    {
        ["FundingArb.Trading"] = [],
        // Akka.Persistence plugins: Akka, Microsoft.Data.Sqlite and Npgsql only (see the test below).
        ["FundingArb.Persistence.Sql"] = [],
        ["FundingArb.Actors"] = ["FundingArb.Trading", "FundingArb.Venues"],
        // Sharding and singleton wiring, placement, the PostgreSQL lease: on Akka.Cluster and the actors, never the
        // node nor the journal plugin (the lease speaks to PostgreSQL through Npgsql itself).
        ["FundingArb.Cluster"] = ["FundingArb.Actors", "FundingArb.Trading", "FundingArb.Venues"],
        // src/FundingArb.Node builds the `fundingarb` executable.
        ["fundingarb"] = ["FundingArb.Actors", "FundingArb.Cluster", "FundingArb.Exchange", "FundingArb.Persistence.Sql", "FundingArb.Trading", "FundingArb.Venues"],
        // Venues reads scenario files with the Akka package's HOCON parser and uses no actors.
        ["FundingArb.Venues"] = ["FundingArb.Trading"],
        // `fundingarb exchange`: the simulated venues behind the real venues' protocols, on ASP.NET Core.
        ["FundingArb.Exchange"] = ["FundingArb.Trading", "FundingArb.Venues"],
    };

    public static TheoryData<string> Assemblies() => new(s_allowed.Keys);

    [Theory]
    [MemberData(nameof(Assemblies))]
    public void Assembly_References_OnlyAllowedFundingArbAssemblies(string assemblyName)
    {
        var assembly = Assembly.Load(assemblyName);

        var referenced = assembly.GetReferencedAssemblies()
            .Select(a => a.Name!)
            .Where(n => n.StartsWith("FundingArb.", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .ToArray();

        Assert.Empty(referenced.Except(s_allowed[assemblyName]));
    }

    [Fact]
    public void Venues_References_OnlyTheAkkaAssemblyThatHoldsTheHoconParser()
    {
        var assembly = Assembly.Load("FundingArb.Venues");

        var akka = assembly.GetReferencedAssemblies().Select(a => a.Name!).Where(n => n.StartsWith("Akka", StringComparison.Ordinal)).ToArray();

        Assert.Equal(["Akka"], akka);
    }

    [Fact]
    public void Trading_References_NoThirdPartyPackage()
    {
        var assembly = Assembly.Load("FundingArb.Trading");

        var thirdParty = assembly.GetReferencedAssemblies()
            .Select(a => a.Name!)
            .Where(n => !n.StartsWith("System", StringComparison.Ordinal) && n != "netstandard")
            .ToArray();

        Assert.Empty(thirdParty);
    }

    [Fact]
    public void PersistenceSql_References_OnlyAkkaSqliteAndNpgsql()
    {
        var assembly = Assembly.Load("FundingArb.Persistence.Sql");

        var others = assembly.GetReferencedAssemblies()
            .Select(a => a.Name!)
            .Where(n => !n.StartsWith("System", StringComparison.Ordinal) && n is not ("netstandard" or "Microsoft.Data.Sqlite" or "Npgsql")
                && n != "Akka" && !n.StartsWith("Akka.", StringComparison.Ordinal))
            .ToArray();

        Assert.Empty(others);
    }
}
