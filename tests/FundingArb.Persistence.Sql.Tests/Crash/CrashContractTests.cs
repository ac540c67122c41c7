using System.Diagnostics;
using System.Globalization;
using Akka.Actor;
using Akka.Persistence;
using FundingArb.Persistence.Sql.CrashHost;
using FundingArb.Persistence.Sql.Tests.Infrastructure;

namespace FundingArb.Persistence.Sql.Tests.Crash;

/// <summary>
/// A child process (FundingArb.Persistence.Sql.CrashHost) writes atomic writes of three events from many
/// persistent actors and is killed with SIGKILL mid-run. Afterwards every atomic write is whole, every
/// persistence id's sequence is contiguous from 1, and every write the child saw acknowledged is there.
/// </summary>
public abstract class CrashContractTests(TestDatabase database) : SqlTestKit(database, CrashSerializer.Hocon)
{
    private const int Actors = 20;
    private const int AcksBeforeKill = 1_500;

    [Fact]
    public async Task Journal_WriterKilledMidRun_KeepsWholeAtomicWritesAndContiguousSequences()
    {
        var (provider, connectionString, schema) = (Database.Provider, Database.ConnectionString, Database.Schema);
        var acked = new Dictionary<string, long>(StringComparer.Ordinal);
        using var child = StartChild(provider, connectionString, schema);
        var stderr = child.StandardError.ReadToEndAsync();
        using (var deadline = new CancellationTokenSource(Dilated(TimeSpan.FromSeconds(60))))
        {
            var acks = 0;
            while (acks < AcksBeforeKill)
            {
                var line = await child.StandardOutput.ReadLineAsync(deadline.Token)
                    ?? throw new InvalidOperationException($"The child ended before the kill: {await stderr}");
                if (Record(line, acked))
                {
                    acks++;
                }
            }
        }

        child.Kill();
        await child.WaitForExitAsync().WaitAsync(Dilated(TimeSpan.FromSeconds(10)));
        while (await child.StandardOutput.ReadLineAsync() is { } late)
        {
            Record(late, acked);
        }

        var journal = JournalFor(TestDatabase.ReopenedJournal);
        for (var a = 0; a < Actors; a++)
        {
            var pid = $"crash-{a}";
            journal.Tell(new ReplayMessages(1, long.MaxValue, long.MaxValue, pid, TestActor));
            var events = new List<IPersistentRepresentation>();
            var highest = await CollectReplayAsync(events, Dilated(TimeSpan.FromSeconds(30)));

            Assert.Equal(0, highest % 3);
            Assert.Equal(Enumerable.Range(1, (int)highest).Select(n => (long)n), events.Select(e => e.SequenceNr));
            Assert.All(events, e => Assert.Equal(new CrashEvent(pid, e.SequenceNr, (int)((e.SequenceNr - 1) % 3)), e.Payload));
            Assert.True(highest >= acked.GetValueOrDefault(pid), $"{pid}: acknowledged up to {acked.GetValueOrDefault(pid)} but only {highest} stored");
        }

        Assert.True(acked.Values.Sum() >= AcksBeforeKill * 3);
    }

    /// <summary>Collects replayed events into <paramref name="events"/> until the replay's end; returns the highest sequence number.</summary>
    private async Task<long> CollectReplayAsync(List<IPersistentRepresentation> events, TimeSpan max)
    {
        while (true)
        {
            switch (await ReceiveOneAsync(max))
            {
                case ReplayedMessage replayed:
                    events.Add(replayed.Persistent);
                    break;
                case RecoverySuccess done:
                    return done.HighestSequenceNr;
                case var other:
                    throw new InvalidOperationException($"Unexpected {other} during the replay.");
            }
        }
    }

    private static Process StartChild(string provider, string connectionString, string schema)
    {
        var host = Path.Combine(AppContext.BaseDirectory, "FundingArb.Persistence.Sql.CrashHost.dll");
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { host, provider, connectionString, schema, Actors.ToString(CultureInfo.InvariantCulture) })
        {
            start.ArgumentList.Add(argument);
        }

        return Process.Start(start) ?? throw new InvalidOperationException("The crash host did not start.");
    }

    /// <summary>Keeps the highest acknowledged sequence number per id; true for an ack line.</summary>
    private static bool Record(string line, Dictionary<string, long> acked)
    {
        var parts = line.Split(' ');
        if (parts is not ["ack", var pid, var seq])
        {
            return false;
        }

        acked[pid] = Math.Max(acked.GetValueOrDefault(pid), long.Parse(seq, CultureInfo.InvariantCulture));
        return true;
    }
}
