using System.Collections;
using System.Text.RegularExpressions;
using FundingArb.Node.Configuration;
using FundingArb.Node.Hosting;

namespace FundingArb.Node.Tests.Deploy;

/// The shipped hocon/cluster/node-*.conf of the clone, loaded through the node's own loader.
internal static partial class ClusterConfs
{
    public static string Folder { get; } = Path.Combine(RepositoryFolder.Root, "hocon", "cluster");

    /// The node confs by name (node-ap-1, ...), without the shared include.
    public static IReadOnlyList<string> Names { get; } =
        [.. Directory.GetFiles(Folder, "node-*.conf").Select(f => Path.GetFileNameWithoutExtension(f)!).Order(StringComparer.Ordinal)];

    public static string PathOf(string name) => Path.Combine(Folder, name + ".conf");

    /// What a node on loopback needs and nothing more: the journal and the exchange's demo account.
    public static Hashtable LoopbackEnvironment() => new()
    {
        ["FUNDINGARB_PG"] = "Host=127.0.0.1;Port=5432;Username=postgres;Database=postgres",
        ["EXCHANGE_API_KEY"] = "demo",
        ["EXCHANGE_API_SECRET"] = "demo-secret",
        ["EXCHANGE_PASSPHRASE"] = "demo-pass",
    };

    public static NodeSettings Load(string configFile, IDictionary environment) =>
        NodeConfigLoader.Load(NodeRunOptions.None with { ConfigFile = configFile }, environment);

    /// The environment variables a conf and the files it includes read: ${VAR} and ${?VAR} substitutions, and the
    /// key variables its venues name (api-key-env = VAR, ...). Upper-case names only: ${fundingarb....} are paths.
    public static IReadOnlySet<string> VariablesRead(string configFile)
    {
        var variables = new SortedSet<string>(StringComparer.Ordinal);
        var files = new Queue<string>([configFile]);
        while (files.TryDequeue(out var file))
        {
            var text = File.ReadAllText(file);
            foreach (Match line in ContentLine().Matches(text))
            {
                var content = line.Groups["content"].Value;
                variables.UnionWith(Substitution().Matches(content).Select(m => m.Groups["name"].Value));
                variables.UnionWith(KeyVariable().Matches(content).Select(m => m.Groups["name"].Value));
                foreach (Match include in Include().Matches(content))
                {
                    files.Enqueue(Path.Combine(Path.GetDirectoryName(file)!, include.Groups["name"].Value));
                }
            }
        }

        return variables;
    }

    // A line's text before a # comment (the confs put no # inside strings).
    [GeneratedRegex(@"^(?<content>[^#\n]*)", RegexOptions.Multiline)]
    private static partial Regex ContentLine();

    [GeneratedRegex(@"\$\{\??(?<name>[A-Z][A-Z0-9_]*)\}")]
    private static partial Regex Substitution();

    [GeneratedRegex(@"\b(api-key-env|api-secret-env|passphrase-env)\s*=\s*(?<name>[A-Z][A-Z0-9_]*)")]
    private static partial Regex KeyVariable();

    [GeneratedRegex(@"^\s*include\s+""(?<name>[^""]+)""")]
    private static partial Regex Include();
}
