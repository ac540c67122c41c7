namespace FundingArb.Benchmarks.Actors;

/// The journal a benchmark node writes to.
internal enum JournalKind
{
    /// CountingJournalPlugin: Akka's journal protocol answered from memory through completed tasks.
    InMemory,

    /// Our SQLite plugin on a temporary file, as the node runs it (SqliteBenchJournal).
    Sqlite,
}
