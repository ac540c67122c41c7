using FundingArb.Kernel.Configuration;

namespace FundingArb.Kernel.Persistence;

/// <summary>The persistence settings, bound once from <c>fundingarb.persistence</c>.</summary>
internal sealed record PersistenceSettings
{
    public const string InMemoryPluginId = "inmem";

    /// <summary>The journal plugin persistent actors use unless they name another.</summary>
    public string JournalPluginId { get; init; } = InMemoryPluginId;

    /// <summary>The snapshot-store plugin persistent actors use unless they name another.</summary>
    public string SnapshotStorePluginId { get; init; } = InMemoryPluginId;

    /// <summary>Whether delete commands are also published on the event stream (the TCK listens for them).</summary>
    public bool PublishPluginCommands { get; init; }

    public static PersistenceSettings FromConfig(Config config) => new()
    {
        JournalPluginId = config.GetString("fundingarb.persistence.journal.plugin"),
        SnapshotStorePluginId = config.GetString("fundingarb.persistence.snapshot-store.plugin"),
        PublishPluginCommands = config.GetBoolean("fundingarb.persistence.publish-plugin-commands"),
    };
}
