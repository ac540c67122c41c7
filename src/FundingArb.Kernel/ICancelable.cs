namespace FundingArb.Kernel;

/// <summary>A scheduled operation that can be cancelled before it runs.</summary>
public interface ICancelable
{
    bool IsCancellationRequested { get; }

    /// <summary>Prevents every future run; a run already under way completes.</summary>
    void Cancel();
}
