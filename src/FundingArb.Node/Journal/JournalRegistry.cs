using FundingArb.Actors.Journaling;
using FundingArb.Persistence.Sql.Serialization;

namespace FundingArb.Node.Journal;

/// The manifests of every event the actors persist, as the node's journal reads and writes them.
public static class JournalRegistry
{
    public static EventManifestRegistry Create()
    {
        var registry = new EventManifestRegistry();
        foreach (var (type, manifest) in ActorEventManifests.All)
        {
            registry.Register(type, manifest);
        }

        return registry;
    }
}
