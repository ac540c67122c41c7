namespace FundingArb.Persistence.Sql;

/// <summary>
/// The settings of a read journal, bound from <c>akka.persistence.query.journal.fundingarb-sqlite</c> (or
/// <c>-postgresql</c>). It reads the tables of the journal plugin <see cref="WritePlugin"/> names.
/// </summary>
public sealed record SqlReadJournalSettings
{
    /// <summary>The full path of the journal plugin whose tables the queries read.</summary>
    public required string WritePlugin { get; init; }

    /// <summary>Events one query page fetches.</summary>
    public int PageSize { get; init; } = 500;

    /// <summary>How often a live query looks for new events once it has caught up.</summary>
    public TimeSpan RefreshInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Checks the values and throws <see cref="ArgumentException"/> naming the first that is wrong.</summary>
    public void Validate()
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(WritePlugin, nameof(WritePlugin));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(PageSize, nameof(PageSize));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(RefreshInterval, TimeSpan.Zero, nameof(RefreshInterval));
    }
}
