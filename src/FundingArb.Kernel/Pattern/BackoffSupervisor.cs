namespace FundingArb.Kernel.Pattern;

/// <summary>
/// Runs one child and starts it again after growing delays when it fails or stops, so that a journal outage
/// does not turn into a storm of restarts. Every other message is forwarded to the current child (to dead
/// letters while none runs).
/// </summary>
public sealed class BackoffSupervisor : ActorBase, IWithTimers
{
    private const string StartChildTimer = "backoff-start-child";
    private const string ResetTimer = "backoff-reset";

    private readonly BackoffOptions _options;
    private readonly Random _random;
    private IActorRef? _child;
    private bool _restartAfterFailure;
    private int _childGeneration;

    private BackoffSupervisor(BackoffOptions options)
    {
        _options = options;
        _random = new Random(options.RandomSeed ?? StableHash(options.ChildName));
    }

    public ITimerScheduler Timers { get; set; } = null!;

    /// <summary>How many restarts were counted since the last reset.</summary>
    public int RestartCount { get; private set; }

    public static Props Props(BackoffOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return Kernel.Props.Create(() => new BackoffSupervisor(options));
    }

    /// <summary>The delay before restart number <paramref name="restartCount"/> (0-based).</summary>
    public static TimeSpan CalculateDelay(int restartCount, TimeSpan minBackoff, TimeSpan maxBackoff, double randomFactor, Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
        var jitter = 1.0 + (random.NextDouble() * randomFactor);
        var ticks = restartCount >= 30 ? maxBackoff.Ticks : Math.Min(maxBackoff.Ticks, minBackoff.Ticks * Math.Pow(2, restartCount));
        return TimeSpan.FromTicks((long)(ticks * jitter));
    }

    protected override SupervisorStrategy SupervisorStrategy()
    {
        var strategy = _options.SupervisorStrategy;
        if (_options.Mode == BackoffMode.OnStop)
        {
            return strategy;
        }

        return new OneForOneStrategy(-1, -1, cause =>
        {
            var directive = strategy.Decider(cause);
            if (directive != Directive.Restart)
            {
                return directive;
            }

            _restartAfterFailure = true;
            return Directive.Stop;
        }, strategy.LoggingEnabled);
    }

    protected override void PreStart() => StartChild();

    protected internal override bool Receive(object message)
    {
        switch (message)
        {
            case Terminated terminated when terminated.ActorRef.Equals(_child):
                OnChildTerminated();
                return true;
            case StartChildMessage:
                StartChild();
                return true;
            case ResetRestartCount reset:
                if (reset.Generation == _childGeneration)
                {
                    RestartCount = 0;
                }

                return true;
            case GetCurrentChild:
                Sender.Tell(new CurrentChild(_child), Self);
                return true;
            case GetRestartCount:
                Sender.Tell(new RestartCountReply(RestartCount), Self);
                return true;
            case Reset:
                RestartCount = 0;
                return true;
            default:
                (_child ?? Context.System.DeadLetters).Tell(message, Sender);
                return true;
        }
    }

    private void StartChild()
    {
        _child = Context.Watch(Context.ActorOf(_options.ChildProps, _options.ChildName));
        _childGeneration++;
        if (_options.AutoReset is { } resetAfter)
        {
            Timers.StartSingleTimer(ResetTimer, new ResetRestartCount(_childGeneration), resetAfter);
        }
    }

    private void OnChildTerminated()
    {
        _child = null;
        Timers.Cancel(ResetTimer);
        var restart = _options.Mode == BackoffMode.OnStop || _restartAfterFailure;
        _restartAfterFailure = false;
        if (!restart || (_options.MaxNrOfRetries >= 0 && RestartCount >= _options.MaxNrOfRetries))
        {
            Context.Stop(Self);
            return;
        }

        var delay = CalculateDelay(RestartCount, _options.MinBackoff, _options.MaxBackoff, _options.RandomFactor, _random);
        RestartCount++;
        Timers.StartSingleTimer(StartChildTimer, StartChildMessage.Instance, delay);
    }

    private static int StableHash(string text)
    {
        var hash = 17;
        foreach (var c in text)
        {
            hash = unchecked((hash * 31) + c);
        }

        return hash;
    }

    /// <summary>Asks for the current child; answered with <see cref="CurrentChild"/>.</summary>
    public sealed class GetCurrentChild
    {
        private GetCurrentChild()
        {
        }

        public static GetCurrentChild Instance { get; } = new();
    }

    /// <summary>The current child, null while it is waiting to be started again.</summary>
    public sealed record CurrentChild(IActorRef? Ref);

    /// <summary>Asks for the restart count; answered with <see cref="RestartCountReply"/>.</summary>
    public sealed class GetRestartCount
    {
        private GetRestartCount()
        {
        }

        public static GetRestartCount Instance { get; } = new();
    }

    public sealed record RestartCountReply(int Count);

    /// <summary>Resets the restart count (for manual reset).</summary>
    public sealed class Reset
    {
        private Reset()
        {
        }

        public static Reset Instance { get; } = new();
    }

    private sealed class StartChildMessage
    {
        public static readonly StartChildMessage Instance = new();
    }

    private sealed record ResetRestartCount(int Generation);
}
