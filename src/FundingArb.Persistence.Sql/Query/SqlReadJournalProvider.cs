using Akka.Actor;
using Akka.Configuration;
using Akka.Persistence.Query;
using FundingArb.Persistence.Sql.Serialization;

namespace FundingArb.Persistence.Sql.Query;

/// <summary>
/// Builds the <see cref="SqlReadJournal"/> of a query plugin section (Akka calls this constructor): the tables
/// and connection are those of the journal plugin its <c>write-plugin</c> key names.
/// <c>PersistenceQuery.Get(system).ReadJournalFor&lt;SqlReadJournal&gt;("akka.persistence.query.journal.fundingarb-sqlite")</c>.
/// </summary>
public sealed class SqlReadJournalProvider : IReadJournalProvider
{
    private readonly SqlReadJournal _readJournal;

    public SqlReadJournalProvider(ExtendedActorSystem system, Config config)
    {
        ArgumentNullException.ThrowIfNull(system);
        var settings = SqlSettingsBinder.ReadJournal(config);
        var journal = SqlSettingsBinder.Journal(system.Settings.Config.GetConfig(settings.WritePlugin)
            ?? throw new ConfigurationException($"write-plugin '{settings.WritePlugin}' names no configuration section."));
        var clock = system.Scheduler;
        var database = SqlDatabase.Open(journal.Provider, journal.ConnectionString, journal.Schema, journal.AutoInitialize, () => clock.Now.UtcTicks);
        system.RegisterOnTermination(() => _ = database.DisposeAsync().AsTask());
        _readJournal = new SqlReadJournal(new QueryPages(database, new PayloadSerialization(system)), system.Scheduler, settings);
    }

    public IReadJournal GetReadJournal() => _readJournal;
}
