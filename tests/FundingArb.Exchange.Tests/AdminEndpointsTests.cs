using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using FundingArb.Venues.Errors;
using FundingArb.Venues.Scenarios;
using FundingArb.Venues.Simulation;
using FundingArb.Venues.Simulation.Faults;
using Microsoft.AspNetCore.Routing;

namespace FundingArb.Exchange.Tests;

// POST /admin/faults on a venue's own port, whatever protocol serves it.
public sealed class AdminEndpointsTests : IAsyncLifetime, IDisposable
{
    private static readonly TimeSpan s_deadline = TimeSpan.FromSeconds(30);
    private readonly HttpClient _http = new();
    private SimulatedVenue[] _venues = [];
    private ExchangeServer? _server;

    private sealed class NoProtocol : IVenueProtocol
    {
        public string Name => "none";

        public string WebSocketPath => "/ws";

        public void Map(IEndpointRouteBuilder routes, ServedVenue venue)
        {
        }
    }

    public async Task InitializeAsync()
    {
        var scenario = ScenarioLoader.LoadFile(Path.Combine(AppContext.BaseDirectory, "scenarios", "calm-three-venues.conf"));
        _venues = [.. scenario.CreateVenues(TimeProvider.System)];
        var account = new ExchangeAccount("demo", "demo-secret", null);
        _server = await ExchangeServer.StartAsync(_venues.Select(v => (new ServedVenue(v, account, TimeProvider.System), (IVenueProtocol)new NoProtocol(), 0)));
    }

    public async Task DisposeAsync()
    {
        await _server!.DisposeAsync();
        foreach (var venue in _venues)
        {
            venue.Dispose();
        }
    }

    public void Dispose() => _http.Dispose();

    [Fact]
    public async Task PostFault_Disconnect_EndsTheVenuesStreamsAndRefusesItsRequests_OnThatVenueOnly()
    {
        var (beta, gamma) = (_venues[1], _venues[2]);
        await using var stream = beta.StreamUserEventsAsync(CancellationToken.None).GetAsyncEnumerator();
        var next = stream.MoveNextAsync();

        using var response = await PostAsync(1, """{"kind":"disconnect","duration":"30s"}""");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var answer = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("beta", answer.GetProperty("venue").GetString());
        Assert.IsType<DisconnectFault>(Assert.Single(beta.Faults));
        await Assert.ThrowsAsync<VenueUnavailableException>(() => next.AsTask().WaitAsync(s_deadline));
        await Assert.ThrowsAsync<VenueUnavailableException>(() => beta.GetBalancesAsync(CancellationToken.None).AsTask().WaitAsync(s_deadline));
        Assert.Empty(gamma.Faults);
    }

    [Fact]
    public async Task PostFault_UnknownKind_Is400NamingTheKeyAndTheKinds()
    {
        using var response = await PostAsync(0, """{"kind":"meteor","duration":"30s"}""");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var error = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetString();
        Assert.Contains("kind: unknown fault kind 'meteor'; expected one of reject-orders", error, StringComparison.Ordinal);
        Assert.Empty(_venues[0].Faults);
    }

    [Fact]
    public async Task PostFault_HoconThatIsNotJson_Is400()
    {
        using var response = await PostAsync(0, "{ kind = disconnect, duration = 30s }");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Empty(_venues[0].Faults);
    }

    private Task<HttpResponseMessage> PostAsync(int venue, string body) =>
        _http.PostAsync(new Uri(_server!.Endpoints[venue].RestUrl, "/admin/faults"), new StringContent(body, System.Text.Encoding.UTF8, "application/json"))
            .WaitAsync(s_deadline);
}
