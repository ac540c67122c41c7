using FundingArb.Kernel.Configuration;
using FundingArb.Kernel.Internal;

namespace FundingArb.Kernel.TestKit;

/// <summary>
/// Base class for xunit actor tests, after Akka.TestKit.Xunit2: an actor system, a test actor that is the
/// implicit sender of every Tell in the test, probes, and expectations. Disposing the kit terminates the system.
/// </summary>
public abstract class TestKit : TestKitBase, IDisposable
{
    private static int s_systemCount;
    private int _probeCount;
    private bool _disposed;

    /// <summary>A fresh system on the real clock.</summary>
    protected TestKit()
        : this(CreateSystem(null, null))
    {
    }

    /// <summary>A fresh system configured by <paramref name="hocon"/> on the real clock.</summary>
    protected TestKit(string hocon)
        : this(CreateSystem(ConfigurationFactory.ParseString(hocon), null))
    {
    }

    /// <summary>A fresh system on the given clock (usually a <see cref="VirtualClock"/>).</summary>
    protected TestKit(TimeProvider timeProvider)
        : this(CreateSystem(null, timeProvider))
    {
    }

    /// <summary>A fresh system configured by <paramref name="hocon"/> on the given clock.</summary>
    protected TestKit(string hocon, TimeProvider timeProvider)
        : this(CreateSystem(ConfigurationFactory.ParseString(hocon), timeProvider))
    {
    }

    /// <summary>A kit around an existing system.</summary>
    protected TestKit(ActorSystem system)
        : base(system, TestKitSettings.FromConfig(system.Config), "testActor")
    {
        ActorCell.ImplicitSender.Value = TestActor;
    }

    /// <summary>A new probe on this kit's system.</summary>
    public TestProbe CreateTestProbe(string? name = null) =>
        new(Sys, Settings, name ?? $"testProbe{Interlocked.Increment(ref _probeCount)}");

    /// <summary>Called before the system terminates.</summary>
    protected virtual void AfterAll()
    {
    }

    public void Dispose()
    {
        Dispose(disposing: true);
        GC.SuppressFinalize(this);
    }

    protected virtual void Dispose(bool disposing)
    {
        if (_disposed || !disposing)
        {
            return;
        }

        _disposed = true;
        AfterAll();
        if (!Sys.Terminate().Wait(Dilated(Settings.DefaultTimeout)))
        {
            throw new TestKitAssertionException($"{Sys} did not terminate within {Dilated(Settings.DefaultTimeout)}.");
        }
    }

    private static ActorSystem CreateSystem(Config? config, TimeProvider? timeProvider) =>
        ActorSystem.Create($"test{Interlocked.Increment(ref s_systemCount)}", config, timeProvider);
}
