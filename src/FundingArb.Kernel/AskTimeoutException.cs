namespace FundingArb.Kernel;

/// <summary>Thrown by an Ask whose reply did not arrive within its timeout.</summary>
public sealed class AskTimeoutException : TimeoutException
{
    public AskTimeoutException()
    {
    }

    public AskTimeoutException(string message)
        : base(message)
    {
    }

    public AskTimeoutException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
