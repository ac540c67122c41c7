namespace FundingArb.Kernel;

/// <summary>Replies that report the outcome of an operation, as PipeTo and Ask use them.</summary>
public static class Status
{
    /// <summary>The operation succeeded, with an optional result.</summary>
    public sealed record Success(object? Status);

    /// <summary>The operation failed; an Ask that receives it rethrows <paramref name="Cause"/>.</summary>
    public sealed record Failure(Exception Cause);
}
