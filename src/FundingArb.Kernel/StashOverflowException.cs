namespace FundingArb.Kernel;

/// <summary>Thrown when a stash with a capacity is full.</summary>
public sealed class StashOverflowException : Exception
{
    public StashOverflowException()
    {
    }

    public StashOverflowException(string message)
        : base(message)
    {
    }

    public StashOverflowException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
