using Akka.Configuration;
using FundingArb.Cluster.Leases;

namespace FundingArb.Cluster.Tests.Leases;

public sealed class PostgreSqlLeaseSettingsTests
{
    private static readonly PostgreSqlLeaseSettings s_valid = new() { ConnectionString = "Host=db;Password=secret" };

    [Fact]
    public void Validate_ShippedDefaults_Pass()
    {
        s_valid.Validate();

        Assert.Equal(TimeSpan.FromSeconds(4.5), s_valid.HeldFor);
    }

    [Fact]
    public void Validate_TtlTooShortForAHeartbeatAndItsTimeout_NamesHeartbeatTimeout()
    {
        var settings = s_valid with { HeartbeatTimeout = TimeSpan.FromSeconds(3) };

        var error = Assert.Throws<ConfigurationException>(settings.Validate);

        Assert.StartsWith("PostgreSQL lease setting heartbeat-timeout = 00:00:03 must exceed", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_SchemaWithAQuote_NamesSchemaAndValue()
    {
        var settings = s_valid with { Schema = "public\"; drop" };

        var error = Assert.Throws<ConfigurationException>(settings.Validate);

        Assert.Contains("schema = public\"; drop", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ToString_WithPassword_LeavesTheConnectionStringOut()
    {
        var text = s_valid.ToString();

        Assert.DoesNotContain("secret", text, StringComparison.Ordinal);
        Assert.Contains("HeartbeatTimeout = 00:00:06", text, StringComparison.Ordinal);
    }
}
