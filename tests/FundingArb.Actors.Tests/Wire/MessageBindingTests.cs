using System.Runtime.Serialization;
using System.Text.RegularExpressions;
using Akka.TestKit.Xunit2;
using FundingArb.Actors.Wire;

namespace FundingArb.Actors.Tests.Wire;

// A message added to an actor's protocol without a manifest would cross nodes through nothing (strict serialization
// refuses it at the first remote send): these tests catch it at build time instead, naming the record.
public sealed partial class MessageBindingTests() : TestKit(ClusterMessageSerializer.Config)
{
    private static readonly HashSet<Type> s_registered = ClusterMessageManifests.All.Select(p => p.Key).ToHashSet();

    [Fact]
    public void EveryRecordOfTheActorsProtocols_HasAManifest()
    {
        var declared = Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "messages"), "*Messages.cs", SearchOption.AllDirectories)
            .SelectMany(file => DeclaredTypes(File.ReadAllText(file)))
            .ToList();

        var missing = declared.Where(d => !s_registered.Any(t => t.Namespace == d.Namespace && t.Name == d.Name)).Select(d => $"{d.Namespace}.{d.Name}");

        Assert.True(declared.Count >= s_registered.Count, $"Only {declared.Count} records were found in the *Messages.cs files.");
        Assert.Empty(missing);
    }

    [Fact]
    public void EveryClusterMessage_IsRegistered_AndEveryRegisteredTypeIsAClusterMessage()
    {
        var marked = typeof(IClusterMessage).Assembly.GetTypes().Where(t => typeof(IClusterMessage).IsAssignableFrom(t) && !t.IsInterface).ToHashSet();

        Assert.Empty(marked.Except(s_registered).Select(t => t.FullName));
        Assert.Empty(s_registered.Except(marked).Select(t => t.FullName));
    }

    [Fact]
    public void EveryRegisteredType_IsBoundToTheClusterSerializer()
    {
        var serializers = s_registered.Select(t => (t.Name, Sys.Serialization.FindSerializerForType(t).Identifier));

        Assert.All(serializers, bound => Assert.Equal((bound.Name, ClusterMessageSerializer.Id), bound));
    }

    [Fact]
    public void UnboundType_HasNoSerializer_ItIsAnErrorNamingIt()
    {
        var error = Assert.Throws<SerializationException>(() => Sys.Serialization.FindSerializerFor(new UnboundMessage("nowhere")));

        Assert.Contains(nameof(UnboundMessage), error.Message, StringComparison.Ordinal);
    }

    private static IEnumerable<(string Namespace, string Name)> DeclaredTypes(string source)
    {
        var space = FileNamespace().Match(source).Groups[1].Value;
        return PublicType().Matches(source).Select(m => (space, m.Groups[1].Value));
    }

    [GeneratedRegex(@"^namespace ([\w.]+);", RegexOptions.Multiline)]
    private static partial Regex FileNamespace();

    [GeneratedRegex(@"^public (?:sealed |abstract |readonly )*(?:record|class|struct)(?: class| struct)? (\w+)", RegexOptions.Multiline)]
    private static partial Regex PublicType();

    private sealed record UnboundMessage(string Where);
}
