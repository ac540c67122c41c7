using FundingArb.Persistence.Sql.Migration;
using FundingArb.Persistence.Sql.Tests.Infrastructure;
using static FundingArb.Persistence.Sql.Tests.Infrastructure.LedgerActor;

namespace FundingArb.Persistence.Sql.Tests.Migration;

/// <summary>
/// The previous version's SQLite journal copied into a new database through the new format, then recovered by our
/// plugin there: events, tags, snapshots, deleted rows, the old file untouched, and mismatches reported.
/// </summary>
public abstract class JournalMigrationContractTests(TestDatabase target) : LedgerTestKit(target)
{
    private readonly LegacyJournalFile _old = new();

    public override async Task InitializeAsync()
    {
        await _old.CreateAsync();
        for (var n = 1; n <= 30; n++)
        {
            await _old.AddEventAsync("pair-1", n, new TestPayload($"e-{n}", 0.5m), "test.payload.v1", tags: n % 10 == 0 ? ["tenth"] : []);
        }

        await _old.AddSnapshotAsync("pair-1", 20, new LedgerState(10m, 20, "snap"), "test.ledger-state.v1");

        // A deleted prefix as the old journal left it: only the highest deleted row remains, marked.
        await _old.AddEventAsync("pair-2", 5, new TestPayload("gone", 1m), "test.payload.v1", deleted: true);
        await _old.AddEventAsync("pair-2", 6, new TestPayload("kept", 2m), "test.payload.v1");
    }

    public override async Task DisposeAsync()
    {
        _old.Dispose();
        await base.DisposeAsync();
    }

    [Fact]
    public async Task Run_LegacyFile_CopiesEverythingTheNewPluginRecovers()
    {
        var before = _old.Fingerprint();

        var report = await Migration(JournalMigration.SameBytes(TestSerializer.Id)).RunAsync(CancellationToken.None);

        Assert.Equal(new JournalMigrationReport(JournalRows: 32, TagRows: 3, Snapshots: 1, PersistenceIds: 2), report);
        Assert.Equal(before, _old.Fingerprint());
        StartLedger("pair-1");
        Assert.Equal(20, (await Probe.ExpectMsgAsync<SnapshotOffered>()).SequenceNr);
        Assert.Equal(new Recovered(new LedgerState(15m, 30, "e-30"), 30), await Probe.ExpectMsgAsync<Recovered>());
        StartLedger("pair-2");
        Assert.Equal(new Recovered(new LedgerState(2m, 1, "kept"), 6), await Probe.ExpectMsgAsync<Recovered>());
        Assert.Equal(3, await Database.ScalarAsync("SELECT COUNT(*) FROM tags t JOIN journal j ON j.ordering = t.ordering_id WHERE t.tag = 'tenth'"));
        Assert.Equal(0, await Database.ScalarAsync($"SELECT COUNT(*) FROM journal WHERE identifier <> {TestSerializer.Id}"));
    }

    [Fact]
    public async Task Verify_RowMissingInTheNewDatabase_ListsEveryMismatch()
    {
        var migration = Migration(JournalMigration.SameBytes(TestSerializer.Id));
        await migration.RunAsync(CancellationToken.None);
        await Database.ExecuteAsync("DELETE FROM journal WHERE persistence_id = 'pair-1' AND sequence_number = 30");

        var error = await Assert.ThrowsAsync<JournalMigrationException>(() => migration.VerifyAsync(CancellationToken.None));

        Assert.Equal(2, error.Mismatches.Length);
        Assert.Contains(error.Mismatches, m => m.StartsWith("journal rows: 32 in the old file, 31", StringComparison.Ordinal));
        Assert.Contains(error.Mismatches, m => m.StartsWith("pair-1: last sequence number 30 in the old file, 29", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Run_NewJournalNotEmpty_RefusesAndCopiesNothing()
    {
        await Migration(JournalMigration.SameBytes(TestSerializer.Id)).RunAsync(CancellationToken.None);

        var error = await Assert.ThrowsAsync<JournalMigrationException>(() => Migration(JournalMigration.SameBytes(TestSerializer.Id)).RunAsync(CancellationToken.None));

        Assert.Contains("already has rows", error.Message, StringComparison.Ordinal);
        Assert.Equal(32, await Database.ScalarAsync("SELECT COUNT(*) FROM journal"));
    }

    [Fact]
    public async Task Run_PayloadTheMapRefuses_FailsNamingTheRow()
    {
        var map = JournalMigration.SameBytes(TestSerializer.Id);

        var error = await Assert.ThrowsAsync<JournalMigrationException>(() =>
            Migration(p => p.Manifest == "test.ledger-state.v1" ? throw new InvalidOperationException("no such state") : map(p)).RunAsync(CancellationToken.None));

        Assert.Contains("pair-1 at sequence number 20", error.Message, StringComparison.Ordinal);
        Assert.Contains("'test.ledger-state.v1'", error.Message, StringComparison.Ordinal);
    }

    private JournalMigration Migration(Func<StoredPayload, StoredPayload> map) =>
        new(_old.ConnectionString, Database.Provider == "sqlite" ? SqlProvider.Sqlite : SqlProvider.PostgreSql, Database.ConnectionString, Database.Schema, map, TimeProvider.System);
}
