namespace FundingArb.Kernel.Persistence.Query;

/// <summary>How a read journal pages and polls.</summary>
public sealed record ReadJournalSettings
{
    /// <summary>How long a live query waits, on the read journal's clock, before looking again once it has caught up.</summary>
    public TimeSpan RefreshInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Events fetched per read; a query reads page after page until it has caught up.</summary>
    public int PageSize { get; init; } = 500;
}
