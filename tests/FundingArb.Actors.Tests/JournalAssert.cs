using FundingArb.Actors.Simulation;

namespace FundingArb.Actors.Tests;

/// What the crash tests check of a journal after a run.
internal static class JournalAssert
{
    public static List<long> SequenceNrs(ScenarioJournal journal, string persistenceId) => [.. journal.Events(persistenceId).Select(p => p.SequenceNr)];

    /// The persistence id's events are numbered 1, 2, 3, … with no gap and no repeat.
    public static void Contiguous(ScenarioJournal journal, string persistenceId, string context)
    {
        var sequence = SequenceNrs(journal, persistenceId);
        Assert.True(sequence.SequenceEqual(Enumerable.Range(1, sequence.Count).Select(i => (long)i)),
            $"{context}: {persistenceId} has sequence numbers {string.Join(",", sequence)}");
    }
}
