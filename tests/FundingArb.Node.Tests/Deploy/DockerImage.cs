using System.Collections.Immutable;
using System.Text.RegularExpressions;

namespace FundingArb.Node.Tests.Deploy;

/// What deploy/Dockerfile's image holds, read from its instructions: where the application is published, the final
/// stage's working folder and entry point, and the project files copied before the restore.
internal sealed partial record DockerImage(string PublishFolder, string WorkDirectory, ImmutableArray<string> EntryPoint, ImmutableArray<string> CopiedProjects)
{
    public static DockerImage Parse(string dockerfile)
    {
        var lines = dockerfile.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('#')).ToList();
        var finalStage = lines.Skip(lines.FindLastIndex(l => l.StartsWith("FROM ", StringComparison.Ordinal))).ToList();
        return new DockerImage(
            Publish().Match(dockerfile) is { Success: true } publish ? publish.Groups["folder"].Value : "",
            finalStage.LastOrDefault(l => l.StartsWith("WORKDIR ", StringComparison.Ordinal))?["WORKDIR ".Length..] ?? "/",
            [.. finalStage.Where(l => l.StartsWith("ENTRYPOINT ", StringComparison.Ordinal)).SelectMany(l => Quoted().Matches(l).Select(m => m.Groups[1].Value))],
            [.. lines.Where(l => l.StartsWith("COPY ", StringComparison.Ordinal)).SelectMany(l => l.Split(' ')).Where(w => w.EndsWith(".csproj", StringComparison.Ordinal))]);
    }

    [GeneratedRegex(@"dotnet publish .* -o (?<folder>\S+)")]
    private static partial Regex Publish();

    [GeneratedRegex("\"([^\"]*)\"")]
    private static partial Regex Quoted();
}
