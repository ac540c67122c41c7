using System.Diagnostics;
using FundingArb.Trading.Instruments;
using FundingArb.Venues.Binance;
using FundingArb.Venues.Bybit;
using FundingArb.Venues.Okx;

namespace FundingArb.Node.Tests.Exchange;

/// One `fundingarb exchange` process in a folder, read until it said `ready`; Venues are its `venue` lines.
public sealed class ExchangeProcess : IAsyncDisposable
{
    private readonly Process _process;

    private ExchangeProcess(Process process, IReadOnlyList<ServedVenueLine> venues)
    {
        _process = process;
        Venues = venues;
    }

    public IReadOnlyList<ServedVenueLine> Venues { get; }

    /// The shipped hocon/exchange.conf, or configFile.
    public static async Task<ExchangeProcess> StartAsync(string folder, TimeSpan deadline, string? configFile = null)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = folder,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "fundingarb.dll"));
        start.ArgumentList.Add("exchange");
        start.ArgumentList.Add("--config");
        start.ArgumentList.Add(configFile ?? ShippedConfig);
        var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
        process.ErrorDataReceived += (_, _) => { };
        process.BeginErrorReadLine();
        using var timeout = new CancellationTokenSource(deadline);
        var venues = new List<ServedVenueLine>();
        while (await process.StandardOutput.ReadLineAsync(timeout.Token) is { } line && line != "ready")
        {
            var parts = line.Split(' ');
            Assert.True(parts is ["venue", _, _, _, _], $"not a venue line: {line}");
            venues.Add(new ServedVenueLine(parts[1], parts[2], new Uri(parts[3]), new Uri(parts[4])));
        }

        return new ExchangeProcess(process, venues);
    }

    public static string ShippedConfig => Path.Combine(AppContext.BaseDirectory, "hocon", "exchange.conf");

    public ServedVenueLine Venue(string protocol) => Venues.Single(v => v.Protocol == protocol);

    /// A connector to the venue served in binance-usdm, as the demo account.
    public BinanceUsdmVenue Binance()
    {
        var venue = Venue("binance-usdm");
        return new BinanceUsdmVenue(new BinanceUsdmOptions(new VenueId(venue.Name), venue.RestUrl, venue.WebSocketUrl, "demo", "demo-secret"), TimeProvider.System);
    }

    /// A connector to the venue served in bybit-v5, as the demo account.
    public BybitV5Venue Bybit()
    {
        var venue = Venue("bybit-v5");
        return new BybitV5Venue(BybitV5Options.AtRoot(new VenueId(venue.Name), venue.RestUrl, "demo", "demo-secret"), TimeProvider.System);
    }

    /// A connector to the venue served in okx-v5, as the demo account.
    public OkxV5Venue Okx()
    {
        var venue = Venue("okx-v5");
        return new OkxV5Venue(OkxV5Options.AtRoot(new VenueId(venue.Name), venue.RestUrl, "demo", "demo-secret", "demo-pass"), TimeProvider.System);
    }

    /// SIGKILL, as a host dies, and the process gone (its data folder's lock released) when it returns.
    public async Task KillAsync()
    {
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        await _process.WaitForExitAsync();
        _process.Dispose();
    }
}

/// `venue NAME PROTOCOL REST-URL WS-URL`, as the exchange prints it.
public sealed record ServedVenueLine(string Name, string Protocol, Uri RestUrl, Uri WebSocketUrl)
{
    /// The WebSocket URL without its path: the root the node's `ws-url` names.
    public Uri WebSocketRoot => new(WebSocketUrl.GetLeftPart(UriPartial.Authority));
}
