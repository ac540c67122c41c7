namespace FundingArb.Kernel.Configuration;

/// <summary>A <see cref="Config"/> getter found no value at a path, or a value of the wrong type.</summary>
public sealed class ConfigurationException : Exception
{
    /// <summary>Creates the exception for the value at <paramref name="path"/>.</summary>
    /// <param name="path">The full path from the root of the parsed document.</param>
    /// <param name="message">The complete message, naming the path.</param>
    /// <param name="innerException">The conversion error behind the failure, if any.</param>
    public ConfigurationException(string path, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        Path = path;
    }

    /// <summary>The full path from the root of the parsed document, as HOCON writes it (<c>a."b.c".d</c>).</summary>
    public string Path { get; }
}
