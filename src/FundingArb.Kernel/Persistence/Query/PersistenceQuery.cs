using System.Collections.Concurrent;

namespace FundingArb.Kernel.Persistence.Query;

/// <summary>
/// The persistence-query extension of a system: resolves plugin ids to read journals, built on first use
/// from registered factories and disposed when the system has terminated. Register a read journal under the
/// id of the journal it reads (<c>sqlite</c>, <c>postgresql</c>; for <c>inmem</c>, a
/// <see cref="MemoryReadJournal"/> over the registered <see cref="Journal.MemoryJournal"/> instance).
/// </summary>
public sealed class PersistenceQuery
{
    private readonly ActorSystem _system;
    private readonly ConcurrentDictionary<string, Func<ReadJournal>> _factories = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Lazy<ReadJournal>> _readJournals = new(StringComparer.Ordinal);

    private PersistenceQuery(ActorSystem system)
    {
        _system = system;
    }

    /// <summary>The extension of <paramref name="system"/>.</summary>
    public static PersistenceQuery Get(ActorSystem system)
    {
        ArgumentNullException.ThrowIfNull(system);
        return system.GetOrCreateExtension(static s => new PersistenceQuery(s));
    }

    /// <summary>Registers (or replaces, if not yet used) the read journal behind <paramref name="pluginId"/>.</summary>
    public void RegisterReadJournal(string pluginId, Func<ReadJournal> factory)
    {
        ArgumentException.ThrowIfNullOrEmpty(pluginId);
        ArgumentNullException.ThrowIfNull(factory);
        if (_readJournals.TryGetValue(pluginId, out var started) && started.IsValueCreated)
        {
            throw new InvalidOperationException($"The read journal [{pluginId}] is already in use; register it before the first query.");
        }

        _factories[pluginId] = factory;
    }

    /// <summary>The read journal for <paramref name="pluginId"/> (the default journal plugin when null or empty).</summary>
    public ReadJournal ReadJournalFor(string? pluginId)
    {
        var id = string.IsNullOrEmpty(pluginId) ? Persistence.Get(_system).DefaultJournalPluginId : pluginId;
        return _readJournals.GetOrAdd(id, key => new Lazy<ReadJournal>(() => Start(key))).Value;
    }

    private ReadJournal Start(string pluginId)
    {
        if (!_factories.TryGetValue(pluginId, out var factory))
        {
            throw new InvalidOperationException($"No read journal [{pluginId}] is registered.");
        }

        var readJournal = factory();
        _system.RegisterOnTermination(async () => await readJournal.DisposeAsync().ConfigureAwait(false));
        return readJournal;
    }
}
