using System.Net.Http.Json;
using FundingArb.Venues.Scenarios;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace FundingArb.Exchange.Tests;

public sealed class ExchangeServerTests
{
    // A protocol of the test's own: it answers with the name of the venue behind it and its first instrument.
    private sealed class NameProtocol : IVenueProtocol
    {
        public string Name => "name-test";

        public string WebSocketPath => "/ws/test";

        public void Map(IEndpointRouteBuilder routes, ServedVenue venue)
        {
            routes.MapGet("/whoami", async (CancellationToken ct) =>
                Results.Ok(new[] { venue.Name, (await venue.Venue.GetInstrumentsAsync(ct)).First().Symbol.Value }));
            routes.MapPost("/change", () => Results.Ok(Interlocked.Read(ref s_persisted)));
        }
    }

    private static long s_persisted;

    [Fact]
    public async Task ARequestThatMayChangeTheVenue_IsPersistedBeforeItsAnswerLeaves_AndAReadIsNot()
    {
        var venue = ScenarioLoader.LoadFile(Path.Combine(AppContext.BaseDirectory, "scenarios", "calm-three-venues.conf")).CreateVenues(TimeProvider.System)[0];
        var served = new ServedVenue(venue, new ExchangeAccount("demo", "demo-secret", null), TimeProvider.System)
        {
            Persist = () => Interlocked.Increment(ref s_persisted),
        };
        using var http = new HttpClient();
        await using (var server = await ExchangeServer.StartAsync([(served, (IVenueProtocol)new NameProtocol(), 0)]))
        {
            var root = server.Endpoints[0].RestUrl;
            await http.GetAsync(new Uri(root, "/whoami"));
            Assert.Equal(0, Interlocked.Read(ref s_persisted));

            var answer = await http.PostAsync(new Uri(root, "/change"), null);

            // The endpoint's answer was computed before the save, and the save happened before the answer arrived.
            Assert.Equal(0, await answer.Content.ReadFromJsonAsync<long>());
            Assert.Equal(1, Interlocked.Read(ref s_persisted));
        }

        venue.Dispose();
    }

    [Fact]
    public async Task EachVenue_IsServedOnItsOwnLoopbackPort_UntilTheServerIsDisposed()
    {
        var scenario = ScenarioLoader.LoadFile(Path.Combine(AppContext.BaseDirectory, "scenarios", "calm-three-venues.conf"));
        var account = new ExchangeAccount("demo", "demo-secret", "demo-pass");
        var venues = scenario.CreateVenues(TimeProvider.System);
        using var http = new HttpClient();
        VenueEndpoint[] endpoints;

        await using (var server = await ExchangeServer.StartAsync(venues.Select(v => (new ServedVenue(v, account, TimeProvider.System), (IVenueProtocol)new NameProtocol(), 0))))
        {
            endpoints = [.. server.Endpoints];
            Assert.Equal(["alpha", "beta", "gamma"], endpoints.Select(e => e.Name));
            Assert.Equal(3, endpoints.Select(e => e.RestUrl.Port).Distinct().Count());
            foreach (var endpoint in endpoints)
            {
                var answer = await http.GetFromJsonAsync<string[]>(new Uri(endpoint.RestUrl, "/whoami"));
                Assert.Equal(endpoint.Name, answer![0]);
                Assert.Equal(("127.0.0.1", "ws", "/ws/test"), (endpoint.WebSocketUrl.Host, endpoint.WebSocketUrl.Scheme, endpoint.WebSocketUrl.AbsolutePath));
                Assert.Equal($"venue {endpoint.Name} name-test http://127.0.0.1:{endpoint.RestUrl.Port} ws://127.0.0.1:{endpoint.RestUrl.Port}/ws/test",
                    endpoint.ToStartLine());
            }
        }

        await Assert.ThrowsAsync<HttpRequestException>(() => http.GetAsync(new Uri(endpoints[0].RestUrl, "/whoami")));
        foreach (var venue in venues)
        {
            venue.Dispose();
        }
    }

    [Fact]
    public void Account_NeverPrintsItsSecrets()
    {
        var text = new ExchangeAccount("demo", "demo-secret", "demo-pass").ToString();

        Assert.DoesNotContain("demo-secret", text, StringComparison.Ordinal);
        Assert.DoesNotContain("demo-pass", text, StringComparison.Ordinal);
    }
}
