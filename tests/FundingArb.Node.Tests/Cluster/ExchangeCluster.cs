using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json;
using System.Text.RegularExpressions;
using FundingArb.Node.Tests.Exchange;
using FundingArb.Node.Tests.Hosting;
using Npgsql;

namespace FundingArb.Node.Tests.Cluster;

/// <summary>
/// A cluster as deploy/ runs it, in real processes: one `fundingarb exchange` whose venues every node trades through
/// the connectors, nodes joined over Akka.Remote on loopback, the journal and the leases in a schema of their own on the
/// PostgreSQL server FUNDINGARB_TEST_PG names (tests/start-postgres.sh; ./build.sh test starts one).
/// </summary>
internal sealed class ExchangeCluster : IAsyncDisposable
{
    public static readonly TimeSpan StartDeadline = TimeSpan.FromSeconds(90);
    private const string KeyVariable = "TEST_EXCHANGE_API_KEY";
    private const string SecretVariable = "TEST_EXCHANGE_API_SECRET";
    private const string PassphraseVariable = "TEST_EXCHANGE_PASSPHRASE";

    private readonly string _folder = Directory.CreateTempSubdirectory("fundingarb-cluster-").FullName;
    private readonly string _connectionString;
    private readonly string _schema;
    private readonly List<int> _akkaPorts;
    private readonly NodeProcess?[] _nodes;
    private ExchangeProcess? _exchange;

    private ExchangeCluster(string connectionString, int size)
    {
        _connectionString = connectionString;
        // The temporary folder's random name makes the schema the test's own.
        _schema = "cluster_" + new string([.. Path.GetFileName(_folder).ToLowerInvariant().Where(char.IsAsciiLetterOrDigit)]);
        _akkaPorts = FreePorts(size);
        _nodes = new NodeProcess?[size];
    }

    public HttpClient Http { get; } = new();

    public ExchangeProcess Exchange => _exchange ?? throw new InvalidOperationException("The exchange has not started.");

    /// <summary>The exchange and the nodes, each node started once the one before it is ready (the first is the oldest).</summary>
    public static async Task<ExchangeCluster> StartAsync(int size, params string[] regions)
    {
        var connectionString = Environment.GetEnvironmentVariable("FUNDINGARB_TEST_PG") is { Length: > 0 } pg
            ? pg
            : throw new InvalidOperationException("FUNDINGARB_TEST_PG names no PostgreSQL server: run the tests through ./build.sh test, or eval \"$(tests/start-postgres.sh start)\" first.");
        var cluster = new ExchangeCluster(connectionString, size);
        await using (var connection = new NpgsqlConnection(connectionString))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE SCHEMA \"{cluster._schema}\"", connection);
            await create.ExecuteNonQueryAsync();
        }

        cluster._exchange = await ExchangeProcess.StartAsync(cluster._folder, StartDeadline, cluster.WriteExchangeConfig());
        for (var i = 0; i < size; i++)
        {
            await cluster.StartOnFreePortsAsync(i, regions[i % regions.Length]);
        }

        return cluster;
    }

    // A port free when picked may be taken by another process before the node binds it (many tests start processes
    // side by side): a node that could not bind is started again on new ports.
    private async Task StartOnFreePortsAsync(int index, string region)
    {
        for (var attempt = 1; ; attempt++)
        {
            Start(index, region);
            var node = Node(index);
            try
            {
                await WaitForReadyAsync(index);
                return;
            }
            catch (Exception) when (attempt < 3 && node.HasExited && node.Output.Contains("address already in use", StringComparison.Ordinal))
            {
                await node.DisposeAsync();
                _akkaPorts[index] = FreePorts(1)[0];
            }
        }
    }

    public NodeProcess Node(int index) => _nodes[index] ?? throw new InvalidOperationException($"Node {index} is not running.");

    /// <summary>The Akka address of a node (its fixed port), as members and executors name it.</summary>
    public string Address(int index) => string.Create(CultureInfo.InvariantCulture, $"akka.tcp://fundingarb@127.0.0.1:{_akkaPorts[index]}");

    public int IndexOf(string address) => Enumerable.Range(0, _nodes.Length).Single(i => Address(i) == address);

    public IEnumerable<int> Running => Enumerable.Range(0, _nodes.Length).Where(i => _nodes[i] is { HasExited: false });

    /// <summary>Every node's output, for a failure's message.</summary>
    public string Output => string.Join("\n", _nodes.Select((n, i) => $"===== node {i} =====\n{n?.Output}"));

    /// <summary>kill -9.</summary>
    public void Kill(int index) => Node(index).Kill();

    public async Task WaitForReadyAsync(int index)
    {
        var node = Node(index);
        using var timeout = new CancellationTokenSource(StartDeadline);
        while (true)
        {
            Assert.False(node.HasExited, node.Output);
            try
            {
                if ((await Http.GetAsync(new Uri(node.BaseAddress, "/api/v1/ready"), timeout.Token)).IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }

            timeout.Token.ThrowIfCancellationRequested();
            await Task.Yield();
        }
    }

    public async Task<JsonElement> GetAsync(int index, string path)
    {
        var response = await Http.GetAsync(new Uri(Node(index).BaseAddress, path));
        Assert.True(response.IsSuccessStatusCode, $"GET {path} on node {index}: {(int)response.StatusCode}");
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    /// <summary>Positions held at the exchange, by venue and symbol, signed (short below zero).</summary>
    public async Task<Dictionary<(string Venue, string Symbol), decimal>> ExchangePositionsAsync()
    {
        using var alpha = Exchange.Binance();
        using var beta = Exchange.Bybit();
        using var gamma = Exchange.Okx();
        var held = new Dictionary<(string, string), decimal>();
        foreach (var venue in new FundingArb.Venues.IVenue[] { alpha, beta, gamma })
        {
            foreach (var position in await venue.GetPositionsAsync(CancellationToken.None))
            {
                var signed = position.Side == FundingArb.Trading.Positions.PositionSide.Short ? -position.Amount : position.Amount;
                held[(position.Key.Venue.Value, position.Key.Symbol.Value)] = held.GetValueOrDefault((position.Key.Venue.Value, position.Key.Symbol.Value)) + signed;
            }
        }

        return held;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var node in _nodes)
        {
            if (node is not null)
            {
                await node.DisposeAsync();
            }
        }

        if (_exchange is not null)
        {
            await _exchange.DisposeAsync();
        }

        await using (var connection = new NpgsqlConnection(_connectionString))
        {
            await connection.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP SCHEMA IF EXISTS \"{_schema}\" CASCADE", connection);
            await drop.ExecuteNonQueryAsync();
        }

        Http.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    private void Start(int index, string region)
    {
        var data = Directory.CreateDirectory(Path.Combine(_folder, $"node-{index}")).FullName;
        _nodes[index] = NodeProcess.Start(data, speed: 1,
            new Dictionary<string, string?> { [KeyVariable] = "demo", [SecretVariable] = "demo-secret", [PassphraseVariable] = "demo-pass" },
            "--config", WriteConfig(index, region));
    }

    // The first two nodes are the seeds; alpha and gamma are in region ap, beta in eu, as in hocon/cluster; the controller
    // opens nothing (max-pairs = 0), so the pairs are the test's.
    private string WriteConfig(int index, string region)
    {
        var alpha = Exchange.Venue("binance-usdm");
        var beta = Exchange.Venue("bybit-v5");
        var gamma = Exchange.Venue("okx-v5");
        var seeds = string.Join(", ", Enumerable.Range(0, Math.Min(2, _nodes.Length)).Select(i => $"\"{Address(i)}\""));
        var connection = HoconQuote(_connectionString);
        var path = Path.Combine(_folder, $"node-{index}.conf");
        File.WriteAllText(path, string.Create(CultureInfo.InvariantCulture, $$"""
            fundingarb.node.name = cluster-node-{{index}}
            fundingarb.cluster {
              region = {{region}}
              port = {{_akkaPorts[index]}}
              seed-nodes = [{{seeds}}]
              lease.schema = {{_schema}}
            }
            fundingarb.venues {
              alpha { kind = binance-usdm, region = ap, rest-url = "{{alpha.RestUrl}}", ws-url = "{{alpha.WebSocketRoot}}", api-key-env = {{KeyVariable}}, api-secret-env = {{SecretVariable}} }
              beta { kind = bybit-v5, region = eu, rest-url = "{{beta.RestUrl}}", ws-url = "{{beta.WebSocketRoot}}", api-key-env = {{KeyVariable}}, api-secret-env = {{SecretVariable}} }
              gamma { kind = okx-v5, region = ap, rest-url = "{{gamma.RestUrl}}", ws-url = "{{gamma.WebSocketRoot}}", api-key-env = {{KeyVariable}}, api-secret-env = {{SecretVariable}}, passphrase-env = {{PassphraseVariable}}, simulated-trading = on }
            }
            strategy.funding-arb { assets = [BTC, ETH], max-pairs = 0 }
            akka.persistence {
              journal.plugin = "akka.persistence.journal.fundingarb-postgresql"
              snapshot-store.plugin = "akka.persistence.snapshot-store.fundingarb-postgresql"
              journal.fundingarb-postgresql { connection-string = {{connection}}, schema = {{_schema}} }
              snapshot-store.fundingarb-postgresql { connection-string = {{connection}}, schema = {{_schema}} }
            }
            """));
        return path;
    }

    // The shipped exchange with every funding rate held at its mean, so which direction of a pair earns does not depend
    // on the hour the test starts: BTC pays most on beta and least on gamma, ETH most on beta and least on alpha.
    private string WriteExchangeConfig()
    {
        var path = Path.Combine(_folder, "exchange.conf");
        File.WriteAllText(path, Regex.Replace(File.ReadAllText(ExchangeProcess.ShippedConfig), @"reversion = (\d+), volatility = [0-9.]+", "reversion = $1, volatility = 0"));
        return path;
    }

    private static string HoconQuote(string text) => "\"" + text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";

    private static List<int> FreePorts(int count)
    {
        var listeners = Enumerable.Range(0, count).Select(_ => new TcpListener(IPAddress.Loopback, 0)).ToList();
        listeners.ForEach(l => l.Start());
        var ports = listeners.Select(l => ((IPEndPoint)l.LocalEndpoint).Port).ToList();
        listeners.ForEach(l => l.Stop());
        return ports;
    }
}
