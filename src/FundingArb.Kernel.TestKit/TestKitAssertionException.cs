using Xunit.Sdk;

namespace FundingArb.Kernel.TestKit;

/// <summary>An expectation of the TestKit that was not met.</summary>
public sealed class TestKitAssertionException : XunitException
{
    public TestKitAssertionException()
        : base("A TestKit expectation was not met.")
    {
    }

    public TestKitAssertionException(string message)
        : base(message)
    {
    }

    public TestKitAssertionException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
