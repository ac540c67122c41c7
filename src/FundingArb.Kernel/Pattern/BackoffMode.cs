namespace FundingArb.Kernel.Pattern;

/// <summary>When a backoff supervisor starts its child again.</summary>
public enum BackoffMode
{
    /// <summary>After the child failed (its exception would have restarted it): the usual choice for plain actors.</summary>
    OnFailure,

    /// <summary>After the child stopped, for any reason: the choice for persistent actors, which stop on a journal failure.</summary>
    OnStop,
}
