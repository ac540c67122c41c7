using System.Collections;
using System.Net;
using FundingArb.Exchange;
using FundingArb.Exchange.Hosting;
using FundingArb.Node.Configuration;
using FundingArb.Node.Exchange;

namespace FundingArb.Node.Tests.Exchange;

public sealed class ExchangeConfigLoaderTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("fundingarb-exchange-config-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void The_shipped_exchange_serves_alpha_beta_and_gamma_as_binance_bybit_and_okx_with_their_own_symbols()
    {
        var settings = Load(ExchangeConfigLoader.FindDefaultFile(), NamedProtocol.Shipped);

        Assert.Equal(["alpha binance-usdm 0", "beta bybit-v5 0", "gamma okx-v5 0"], settings.Serve.Select(s => $"{s.Venue} {s.Protocol.Name} {s.Port}"));
        Assert.Equal(["alpha BTCUSDT ETHUSDT", "beta BTCUSDT ETHUSDT", "gamma BTC-USDT-SWAP ETH-USDT-SWAP"],
            settings.Simulation.Venues.Select(v => $"{v.Settings.Id.Value} {string.Join(' ', v.Markets.Select(m => m.Instrument.Symbol.Value))}"));
        Assert.All(settings.Simulation.Venues, v => Assert.Equal("100000 USDT", string.Join(',', v.Settings.Balances.Select(b => $"{b.Amount} {b.Asset}"))));
        Assert.Equal(new ExchangeAccount("demo", "demo-secret", "demo-pass"), settings.Account);
        Assert.Equal(Path.GetFullPath("data/exchange"), settings.DataDirectory);
    }

    [Fact]
    public void A_base_port_serves_the_venues_on_consecutive_ports_in_serve_order()
    {
        var settings = ExchangeConfigLoader.Load(new ExchangeRunOptions(ExchangeConfigLoader.FindDefaultFile(), 7100), new Hashtable(), NamedProtocol.Shipped);

        Assert.Equal(["alpha 7100", "beta 7101", "gamma 7102"], settings.Serve.Select(s => $"{s.Venue} {s.Port}"));
    }

    [Fact]
    public void The_venues_listen_on_loopback_unless_host_names_another_address_such_as_every_interface_in_a_container()
    {
        var loopback = Load(ExchangeConfigLoader.FindDefaultFile(), NamedProtocol.Shipped);
        var everywhere = ExchangeConfigLoader.Load(new ExchangeRunOptions(ExchangeConfigLoader.FindDefaultFile(), 7100),
            new Hashtable { ["CONFIG_FORCE_fundingarb_exchange_host"] = "0.0.0.0" }, NamedProtocol.Shipped);

        Assert.Equal((IPAddress.Loopback, IPAddress.Any), (loopback.Host, everywhere.Host));
    }

    [Fact]
    public void A_host_that_is_not_an_ip_address_stops_the_exchange_naming_the_key_and_the_value()
    {
        var failure = Assert.Throws<NodeConfigurationException>(() => ExchangeConfigLoader.Load(new ExchangeRunOptions(ExchangeConfigLoader.FindDefaultFile(), null),
            new Hashtable { ["CONFIG_FORCE_fundingarb_exchange_host"] = "exchange.local" }, NamedProtocol.Shipped));

        Assert.Contains("fundingarb.exchange.host: 'exchange.local' is not an IP address", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_protocol_stops_the_exchange_naming_the_line_key_value_and_known_protocols()
    {
        var file = WriteWithServe("{ venue = alpha, protocol = ftx-v1, port = 0 }");

        var failure = Assert.Throws<NodeConfigurationException>(() => Load(file, ExchangeProtocols.All));

        Assert.Contains("exchange.conf:", failure.Message, StringComparison.Ordinal);
        Assert.Contains("fundingarb.exchange.serve[0].protocol", failure.Message, StringComparison.Ordinal);
        Assert.Contains("unknown protocol 'ftx-v1'; known protocols: ", failure.Message, StringComparison.Ordinal);
        Assert.All(ExchangeProtocols.All, p => Assert.Contains(p.Name, failure.Message, StringComparison.Ordinal));
    }

    [Fact]
    public void A_served_venue_the_simulation_lacks_stops_the_exchange_naming_the_key_and_the_venues()
    {
        var file = WriteWithServe("{ venue = delta, protocol = okx-v5, port = 0 }");

        var failure = Assert.Throws<NodeConfigurationException>(() => Load(file, NamedProtocol.Shipped));

        Assert.Contains("fundingarb.exchange.serve[0].venue: 'delta' is not a venue of fundingarb.exchange.simulation.venues; expected one of alpha, beta, gamma",
            failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_undocumented_key_stops_the_exchange_naming_the_file_line_and_key()
    {
        var file = Write("exchange.conf", """
            include "shipped.conf"
            fundingarb.exchange.sav-interval = 1s
            """);

        var failure = Assert.Throws<NodeConfigurationException>(() => Load(file, NamedProtocol.Shipped));

        Assert.Contains("exchange.conf:2", failure.Message, StringComparison.Ordinal);
        Assert.Contains("fundingarb.exchange.sav-interval", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_account_never_appears_in_an_error_about_it()
    {
        var file = Write("exchange.conf", """
            include "shipped.conf"
            fundingarb.exchange.account { api-key = "", api-secret = "s3cret-value" }
            """);

        var failure = Assert.Throws<NodeConfigurationException>(() => Load(file, NamedProtocol.Shipped));

        Assert.Contains("fundingarb.exchange.account.api-key: must not be empty", failure.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cret-value", failure.Message, StringComparison.Ordinal);
    }

    private static ExchangeSettings Load(string file, IReadOnlyList<IVenueProtocol> protocols) =>
        ExchangeConfigLoader.Load(new ExchangeRunOptions(file, null), new Hashtable(), protocols);

    // The shipped file with its serve list replaced, so that the rest stays valid.
    private string WriteWithServe(string entry) => Write("exchange.conf", $$"""
        include "shipped.conf"
        fundingarb.exchange.serve = [ {{entry}} ]
        """);

    private string Write(string name, string text)
    {
        File.Copy(ExchangeConfigLoader.FindDefaultFile(), Path.Combine(_folder, "shipped.conf"), overwrite: true);
        var path = Path.Combine(_folder, name);
        File.WriteAllText(path, text);
        return path;
    }
}
