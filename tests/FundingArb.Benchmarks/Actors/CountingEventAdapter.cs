using Akka.Actor;
using Akka.Persistence.Journal;

namespace FundingArb.Benchmarks.Actors;

// Our SQL journal is sealed, so a benchmark cannot count its writes from inside; an event adapter is the hook Akka
// gives every journal. Akka calls it on the journal actor as the journal takes a write, before the write is committed.

/// Counts every event a benchmark node's SQLite journal takes into the CountingJournal its configuration names
/// (SqliteBenchJournal), and leaves the event as it is.
internal sealed class CountingEventAdapter(ExtendedActorSystem system) : IWriteEventAdapter
{
    private readonly CountingJournal _journal = CountingJournal.Find(system.Settings.Config.GetString(SqliteBenchJournal.TallyIdKey));

    /// No manifest of its own: the plugin stores the event serializer's.
    public string Manifest(object evt) => "";

    public object ToJournal(object evt)
    {
        _journal.Taken(evt);
        return evt;
    }
}
