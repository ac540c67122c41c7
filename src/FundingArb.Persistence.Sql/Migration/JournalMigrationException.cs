using System.Collections.Immutable;

namespace FundingArb.Persistence.Sql.Migration;

/// <summary>
/// A migration that could not be done or did not check out: <see cref="Mismatches"/> lists each difference
/// between the old and the new database (a count, or a persistence id's last sequence number).
/// </summary>
public sealed class JournalMigrationException : Exception
{
    public JournalMigrationException()
    {
    }

    public JournalMigrationException(string message)
        : base(message)
    {
    }

    public JournalMigrationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public JournalMigrationException(ImmutableArray<string> mismatches)
        : base($"The migrated journal does not match the old one ({mismatches.Length} differences):{Environment.NewLine}  " + string.Join(Environment.NewLine + "  ", mismatches))
    {
        Mismatches = mismatches;
    }

    public ImmutableArray<string> Mismatches { get; } = [];
}
