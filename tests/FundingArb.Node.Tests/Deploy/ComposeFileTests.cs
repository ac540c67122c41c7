namespace FundingArb.Node.Tests.Deploy;

// deploy/docker-compose.yml against hocon/cluster/ (ComposeCheck). Docker does not run here: the file is parsed, its
// values interpolated as compose would, and each node's conf loaded with the service's environment.
public sealed class ComposeFileTests
{
    private static readonly string s_shipped = File.ReadAllText(Path.Combine(RepositoryFolder.Root, "deploy", "docker-compose.yml"));

    [Fact]
    public void The_shipped_compose_file_runs_postgres_the_exchange_and_the_three_nodes_of_hocon_cluster()
    {
        var compose = ComposeFile.Parse(s_shipped);

        Assert.Equal(["exchange", "node-ap-1", "node-ap-2", "node-eu-1", "postgres"], compose.Services.Keys.Order(StringComparer.Ordinal));
        Assert.Equal([(5091, 5091)], compose.Services["node-ap-1"].Ports.ToArray());
        Assert.Equal([4062], compose.Services["node-eu-1"].Expose.ToArray());
        Assert.Equal("akka.tcp://fundingarb@node-ap-1:4061", compose.Services["node-ap-2"].Environment["FUNDINGARB_SEED_1"]);
        Assert.Equal("node-ap-2", compose.Services["node-ap-2"].Environment["FUNDINGARB_HOSTNAME"]);
        Assert.Equal("Host=postgres;Port=5432;Username=fundingarb;Password=fundingarb;Database=fundingarb", compose.Services["node-eu-1"].Environment["FUNDINGARB_PG"]);
        Assert.Equal(["exchange", "postgres"], compose.Services["node-ap-1"].DependsOn.Order(StringComparer.Ordinal));
        Assert.Empty(ComposeCheck.Problems(compose, RepositoryFolder.Root));
    }

    [Theory]
    [InlineData("ports: [\"127.0.0.1:5092:5092\"]", "ports: [\"127.0.0.1:5092:5099\"]", "service node-eu-1: its dashboard listens on 0.0.0.0:5092, the service publishes 5099")]
    [InlineData("expose: [\"4063\"]", "expose: [\"4064\"]", "service node-ap-2: Akka.Remote listens on 4063")]
    [InlineData("fundingarb.region: eu", "fundingarb.region: ap", "service node-eu-1: label fundingarb.region is 'ap', its conf's region is eu")]
    [InlineData("FUNDINGARB_SEED_2: akka.tcp://fundingarb@node-eu-1:4062", "FUNDINGARB_SEED_2: akka.tcp://fundingarb@node-eu-9:4062", "seed node akka.tcp://fundingarb@node-eu-9:4062 is not a node service")]
    [InlineData("FUNDINGARB_SEED_1: akka.tcp://fundingarb@node-ap-1:4061", "FUNDINGARB_SEED_1: akka.tcp://fundingarb@node-ap-1:4063", "seed node akka.tcp://fundingarb@node-ap-1:4063 is not a node service on its Akka port")]
    [InlineData("FUNDINGARB_EXCHANGE_BETA: exchange:7101", "FUNDINGARB_EXCHANGE_BETA: exchange:7102", "venue beta at http://exchange:7102/ is not the exchange service's beta")]
    [InlineData("      FUNDINGARB_HOSTNAME: node-ap-2\n", "", "service node-ap-2: runs node node-ap-2 at hostname 127.0.0.1")]
    [InlineData("  FUNDINGARB_PG: \"Host=postgres;", "  FUNDINGARB_PG_TYPO: \"Host=postgres;", "no environment variable 'FUNDINGARB_PG'")]
    [InlineData("  FUNDINGARB_PG: \"Host=postgres;", "  FUNDINGARB_PG: \"Host=db;", "its journal is on db:5432")]
    [InlineData("POSTGRES_PASSWORD: ${FUNDINGARB_PG_PASSWORD:-fundingarb}", "POSTGRES_PASSWORD: ${FUNDINGARB_PG_PASSWORD:-other}", "(password matching: False)")]
    [InlineData("  EXCHANGE_PASSPHRASE: ${EXCHANGE_PASSPHRASE:-demo-pass}\n", "", "EXCHANGE_PASSPHRASE")]
    [InlineData("  EXCHANGE_API_KEY: ${EXCHANGE_API_KEY:-demo}", "  EXCHANGE_API_KEY: ${EXCHANGE_API_KEY}", "${EXCHANGE_API_KEY} has no default")]
    [InlineData("  FUNDINGARB_HTTP_READS: any", "  FUNDINGARB_HTTP_READ: any", "sets FUNDINGARB_HTTP_READ, which its conf never reads")]
    [InlineData("    exchange:\n      condition: service_healthy\n", "", "not on both postgres and exchange")]
    [InlineData("      CONFIG_FORCE_fundingarb_exchange_host: 0.0.0.0\n", "      CONFIG_FORCE_fundingarb_exchange_data__dir: data/exchange\n", "service exchange: its venues listen on 127.0.0.1")]
    [InlineData("expose: [\"7100\", \"7101\", \"7102\"]", "expose: [\"7100\", \"7101\"]", "service exchange: serves gamma on 7102, which it does not expose")]
    [InlineData("      - node-eu-1:/var/lib/fundingarb/data\n", "      - node-eu-1:/var/lib/fundingarb/logs\n", "its data folder /var/lib/fundingarb/data/cluster/node-eu-1 is on no volume")]
    [InlineData("stop_grace_period: 45s", "stop_grace_period: 30s", "does not leave the node its shutdown deadline")]
    [InlineData("/app/hocon/cluster/node-ap-2.conf", "/app/hocon/cluster/node-ap-3.conf", "node-ap-3.conf")]
    [InlineData("ports: [\"127.0.0.1:5093:5093\"]", "ports: [\"127.0.0.1:5091:5093\"]", "host port 5091 is published by node-ap-1 and node-ap-2")]
    [InlineData("dockerfile: deploy/Dockerfile", "dockerfile: deploy/Dockerfile.node", "builds from 'deploy/Dockerfile.node'")]
    public void A_compose_file_that_disagrees_with_the_confs_is_caught(string shipped, string changed, string problem)
    {
        Assert.Contains(shipped, s_shipped, StringComparison.Ordinal);
        var compose = ComposeFile.Parse(s_shipped.Replace(shipped, changed, StringComparison.Ordinal));

        var problems = ComposeCheck.Problems(compose, RepositoryFolder.Root);

        Assert.Contains(problems, p => p.Contains(problem, StringComparison.Ordinal));
    }

    [Fact]
    public void A_compose_file_without_one_of_the_nodes_is_caught()
    {
        var withoutEu = s_shipped[..s_shipped.IndexOf("  node-eu-1:\n", StringComparison.Ordinal)] + s_shipped[s_shipped.IndexOf("  node-ap-2:\n", StringComparison.Ordinal)..];

        var problems = ComposeCheck.Problems(ComposeFile.Parse(withoutEu), RepositoryFolder.Root);

        Assert.Contains("no service runs node-eu-1 of hocon/cluster/", problems);
        Assert.Contains(problems, p => p.StartsWith("service node-ap-1: seed node akka.tcp://fundingarb@node-eu-1:4062", StringComparison.Ordinal));
    }

    [Fact]
    public void The_image_publishes_the_node_to_app_runs_it_from_its_data_folder_and_restores_every_project_first()
    {
        var image = DockerImage.Parse(File.ReadAllText(Path.Combine(RepositoryFolder.Root, "deploy", "Dockerfile")));

        Assert.Equal(("/app", "/var/lib/fundingarb"), (image.PublishFolder, image.WorkDirectory));
        Assert.Equal(["dotnet", "/app/fundingarb.dll"], image.EntryPoint.ToArray());
        Assert.Equal(
            Directory.GetFiles(Path.Combine(RepositoryFolder.Root, "src"), "*.csproj", SearchOption.AllDirectories)
                .Select(f => Path.GetRelativePath(RepositoryFolder.Root, f).Replace('\\', '/')).Order(StringComparer.Ordinal),
            image.CopiedProjects.Order(StringComparer.Ordinal));
    }
}
