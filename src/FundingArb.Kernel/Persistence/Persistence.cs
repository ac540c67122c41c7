using System.Collections.Concurrent;
using FundingArb.Kernel.Persistence.Journal;
using FundingArb.Kernel.Persistence.Snapshot;

namespace FundingArb.Kernel.Persistence;

/// <summary>
/// The persistence extension of a system: resolves plugin ids to journal and snapshot-store actors, built
/// on first use under <c>/system</c> from registered factories. The stores are disposed when the system
/// has terminated. The built-in <c>inmem</c> plugins are always registered.
/// </summary>
public sealed class Persistence
{
    private readonly ActorSystem _system;
    private readonly PersistenceSettings _settings;
    private readonly ConcurrentDictionary<string, Func<AsyncWriteJournal>> _journalFactories = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Func<SnapshotStore>> _snapshotStoreFactories = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Lazy<IActorRef>> _journals = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Lazy<IActorRef>> _snapshotStores = new(StringComparer.Ordinal);

    private Persistence(ActorSystem system, PersistenceSettings settings)
    {
        _system = system;
        _settings = settings;
        _journalFactories[PersistenceSettings.InMemoryPluginId] = static () => new MemoryJournal();
        _snapshotStoreFactories[PersistenceSettings.InMemoryPluginId] = static () => new MemorySnapshotStore();
    }

    /// <summary>The extension of <paramref name="system"/>.</summary>
    public static Persistence Get(ActorSystem system)
    {
        ArgumentNullException.ThrowIfNull(system);
        return system.GetOrCreateExtension(static s => new Persistence(s, s.PersistenceSettings));
    }

    /// <summary>The plugin id persistent actors use when they name none.</summary>
    public string DefaultJournalPluginId => _settings.JournalPluginId;

    public string DefaultSnapshotStorePluginId => _settings.SnapshotStorePluginId;

    /// <summary>Registers (or replaces, if not yet used) the journal behind <paramref name="pluginId"/>.</summary>
    public void RegisterJournal(string pluginId, Func<AsyncWriteJournal> factory)
    {
        ArgumentException.ThrowIfNullOrEmpty(pluginId);
        ArgumentNullException.ThrowIfNull(factory);
        EnsureNotStarted(_journals, pluginId, "journal");
        _journalFactories[pluginId] = factory;
    }

    /// <summary>Registers (or replaces, if not yet used) the snapshot store behind <paramref name="pluginId"/>.</summary>
    public void RegisterSnapshotStore(string pluginId, Func<SnapshotStore> factory)
    {
        ArgumentException.ThrowIfNullOrEmpty(pluginId);
        ArgumentNullException.ThrowIfNull(factory);
        EnsureNotStarted(_snapshotStores, pluginId, "snapshot store");
        _snapshotStoreFactories[pluginId] = factory;
    }

    /// <summary>The journal actor for <paramref name="pluginId"/> (the default when null or empty).</summary>
    public IActorRef JournalFor(string? pluginId)
    {
        var id = string.IsNullOrEmpty(pluginId) ? _settings.JournalPluginId : pluginId;
        return _journals.GetOrAdd(id, key => new Lazy<IActorRef>(() => StartJournal(key))).Value;
    }

    /// <summary>The snapshot-store actor for <paramref name="pluginId"/> (the default when null or empty).</summary>
    public IActorRef SnapshotStoreFor(string? pluginId)
    {
        var id = string.IsNullOrEmpty(pluginId) ? _settings.SnapshotStorePluginId : pluginId;
        return _snapshotStores.GetOrAdd(id, key => new Lazy<IActorRef>(() => StartSnapshotStore(key))).Value;
    }

    private IActorRef StartJournal(string pluginId)
    {
        if (!_journalFactories.TryGetValue(pluginId, out var factory))
        {
            throw new InvalidOperationException($"No journal plugin [{pluginId}] is registered (fundingarb.persistence.journal.plugin).");
        }

        var journal = factory();
        _system.RegisterOnTermination(async () => await journal.DisposeAsync().ConfigureAwait(false));
        return _system.SystemActorOf(Props.Create(() => new JournalActor(journal, _settings.PublishPluginCommands)), $"journal-{pluginId}");
    }

    private IActorRef StartSnapshotStore(string pluginId)
    {
        if (!_snapshotStoreFactories.TryGetValue(pluginId, out var factory))
        {
            throw new InvalidOperationException($"No snapshot-store plugin [{pluginId}] is registered (fundingarb.persistence.snapshot-store.plugin).");
        }

        var store = factory();
        _system.RegisterOnTermination(async () => await store.DisposeAsync().ConfigureAwait(false));
        return _system.SystemActorOf(Props.Create(() => new SnapshotStoreActor(store, _settings.PublishPluginCommands)), $"snapshot-store-{pluginId}");
    }

    private static void EnsureNotStarted(ConcurrentDictionary<string, Lazy<IActorRef>> started, string pluginId, string kind)
    {
        if (started.TryGetValue(pluginId, out var plugin) && plugin.IsValueCreated)
        {
            throw new InvalidOperationException($"The {kind} plugin [{pluginId}] is already in use; register it before the first persistent actor starts.");
        }
    }
}
