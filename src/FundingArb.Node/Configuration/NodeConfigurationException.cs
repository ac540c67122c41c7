namespace FundingArb.Node.Configuration;

/// The node's configuration is wrong: Message names the file, line and key, and what is wrong with it.
public sealed class NodeConfigurationException : Exception
{
    public NodeConfigurationException(string message, Exception? innerException = null)
        : base(message, innerException)
    {
    }
}
