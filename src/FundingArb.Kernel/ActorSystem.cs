using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using FundingArb.Kernel.Configuration;
using FundingArb.Kernel.Internal;

namespace FundingArb.Kernel;

/// <summary>
/// A hierarchy of actors sharing a clock, a scheduler, an event stream and settings. Top-level actors are
/// children of the <c>/user</c> guardian. Everything timed runs on the <see cref="TimeProvider"/> given at
/// creation, so a virtual clock drives timers, receive timeouts, Ask timeouts and the scheduler alike.
/// </summary>
public sealed partial class ActorSystem : IAsyncDisposable
{
    internal const string UserGuardianName = "user";
    internal const string SystemGuardianName = "system";

    private readonly ActorCell _rootCell;
    private readonly ActorCell _userGuardian;
    private readonly ActorCell _systemGuardian;
    private readonly TimeProviderScheduler _scheduler;
    private readonly TaskCompletionSource _terminated = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly ConcurrentStack<Func<Task>> _terminationHooks = new();
    private readonly ConcurrentDictionary<Type, object> _extensions = new();
    private long _nextUid;
    private long _nextTempNumber;
    private int _terminating;

    private ActorSystem(string name, Config config, TimeProvider timeProvider, MessageDispatcher dispatcher)
    {
        Name = name;
        Dispatcher = dispatcher;
        Config = config;
        Settings = ActorSystemSettings.FromConfig(config);
        PersistenceSettings = Persistence.PersistenceSettings.FromConfig(config);
        var settings = Settings;
        TimeProvider = timeProvider;
        StartTime = timeProvider.GetUtcNow();
        _scheduler = new TimeProviderScheduler(timeProvider);
        EventStream = new EventStream();

        var rootPath = ActorPath.Root(new Address(Address.LocalProtocol, name));
        TempPath = rootPath.Child("temp");
        DeadLetterRef = new DeadLetterActorRef(this, rootPath.Child("deadLetters"));
        Log = new BusLogger(this, $"ActorSystem({name})", typeof(ActorSystem));
        if (settings.StdoutLogLevel != LogLevel.Off)
        {
            EventStream.Subscribe(new StandardOutLogger(rootPath.Child("stdout-logger"), settings.StdoutLogLevel), typeof(LogEvent));
        }

        _rootCell = new ActorCell(this, Props.Create<RootGuardianActor>(), new RootParentRef(this, rootPath.Child("bubble-walker")), "", NextUid());
        _rootCell.SetPath(rootPath);
        _userGuardian = ((LocalActorRef)_rootCell.ActorOf(Props.Create<GuardianActor>(), UserGuardianName)).Cell;
        _systemGuardian = ((LocalActorRef)_rootCell.ActorOf(Props.Create<GuardianActor>(), SystemGuardianName)).Cell;
        _rootCell.Start();
    }

    /// <summary>The system's name, part of every actor path.</summary>
    public string Name { get; }

    /// <summary>Where the system's actors run.</summary>
    public MessageDispatcher Dispatcher { get; }

    /// <summary>The system's configuration, falling back to the documented defaults of every key.</summary>
    public Config Config { get; }

    /// <summary>The clock every timer, timeout and scheduled message of this system runs on.</summary>
    public TimeProvider TimeProvider { get; }

    /// <summary>When the system was created, on its clock.</summary>
    public DateTimeOffset StartTime { get; }

    /// <summary>Sends messages later, on <see cref="TimeProvider"/>.</summary>
    public IScheduler Scheduler => _scheduler;

    /// <summary>The publish-subscribe bus of this system.</summary>
    public EventStream EventStream { get; }

    /// <summary>Where undeliverable messages go; each is published as a <see cref="DeadLetter"/>.</summary>
    public IActorRef DeadLetters => DeadLetterRef;

    /// <summary>The system's own logger.</summary>
    public ILoggingAdapter Log { get; }

    /// <summary>Completes when the system has stopped every actor and run its termination hooks.</summary>
    public Task WhenTerminated => _terminated.Task;

    internal ActorSystemSettings Settings { get; }

    internal Persistence.PersistenceSettings PersistenceSettings { get; }

    internal DeadLetterActorRef DeadLetterRef { get; }

    internal ActorCell RootCell => _rootCell;

    internal ActorPath TempPath { get; }

    /// <summary>Creates an actor under <c>/system</c>, for the kernel's own services (journals, snapshot stores).</summary>
    internal IActorRef SystemActorOf(Props props, string name) => _systemGuardian.ActorOf(props, name);

    /// <summary>
    /// Creates a system named <paramref name="name"/> from <paramref name="config"/> (falling back to the
    /// documented defaults) on <paramref name="timeProvider"/> (the system clock when null). A bad setting
    /// throws <see cref="ConfigurationException"/> naming its key.
    /// </summary>
    public static ActorSystem Create(string name, Config? config = null, TimeProvider? timeProvider = null) =>
        Create(name, config, timeProvider, MessageDispatcher.ThreadPool);

    /// <summary>
    /// Creates a system whose actors run on <paramref name="dispatcher"/>, e.g. a
    /// <see cref="DeterministicDispatcher"/> for reproducible simulations.
    /// </summary>
    public static ActorSystem Create(string name, Config? config, TimeProvider? timeProvider, MessageDispatcher dispatcher)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(dispatcher);
        if (!SystemNamePattern().IsMatch(name))
        {
            throw new ArgumentException($"Invalid ActorSystem name [{name}]: use ASCII letters, digits, '-' and '_', starting with a letter or digit.", nameof(name));
        }

        var merged = (config ?? ConfigurationFactory.Empty).WithFallback(ConfigurationFactory.Default());
        return new ActorSystem(name, merged, timeProvider ?? TimeProvider.System, dispatcher);
    }

    /// <summary>Creates a top-level actor under <c>/user</c>; a name in use throws <see cref="InvalidActorNameException"/>.</summary>
    public IActorRef ActorOf(Props props, string? name = null) => _userGuardian.ActorOf(props, name);

    /// <summary>The actor at an absolute path such as <c>/user/orchestrator</c>, looked up whenever it is told something.</summary>
    public ActorSelection ActorSelection(string path) => new(this, path);

    /// <summary>Stops an actor asynchronously; nothing happens if it is already dead.</summary>
    public void Stop(IActorRef actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ObjectDisposedException.ThrowIf(_terminated.Task.IsCompleted, this);
        if (actor is IInternalActorRef internalRef)
        {
            internalRef.SendSystemMessage(new Terminate());
        }
    }

    /// <summary>Stops <c>/user</c>, then <c>/system</c>, then runs the termination hooks; idempotent.</summary>
    public Task Terminate()
    {
        if (Interlocked.Exchange(ref _terminating, 1) == 0)
        {
            _userGuardian.SendSystemMessage(new Terminate());
        }

        return WhenTerminated;
    }

    /// <summary>Runs <paramref name="action"/> when the system has terminated; hooks run last-registered first.</summary>
    public void RegisterOnTermination(Action action)
    {
        ArgumentNullException.ThrowIfNull(action);
        RegisterOnTermination(() =>
        {
            action();
            return Task.CompletedTask;
        });
    }

    /// <summary>Awaits <paramref name="hook"/> when the system has terminated, before <see cref="WhenTerminated"/> completes.</summary>
    public void RegisterOnTermination(Func<Task> hook)
    {
        ArgumentNullException.ThrowIfNull(hook);
        if (Volatile.Read(ref _terminating) != 0)
        {
            throw new InvalidOperationException($"ActorSystem [{Name}] is terminating; no more termination hooks.");
        }

        _terminationHooks.Push(hook);
    }

    /// <summary>The extension of type <typeparamref name="T"/>, created on first use.</summary>
    public T GetOrCreateExtension<T>(Func<ActorSystem, T> create)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(create);
        return (T)_extensions.GetOrAdd(typeof(T), static (_, state) => state.create(state.system), (create, system: this));
    }

    public async ValueTask DisposeAsync() => await Terminate().ConfigureAwait(false);

    public override string ToString() => $"ActorSystem({Name})";

    internal long NextUid() => Interlocked.Increment(ref _nextUid);

    internal ActorPath NextTempPath() => TempPath.Child("$" + Interlocked.Increment(ref _nextTempNumber).ToString(System.Globalization.CultureInfo.InvariantCulture), NextUid());

    internal void FinishTermination()
    {
        Volatile.Write(ref _terminating, 1);
        _scheduler.Shutdown();
        _ = RunTerminationHooksAsync();
    }

    private async Task RunTerminationHooksAsync()
    {
        while (_terminationHooks.TryPop(out var hook))
        {
            try
            {
                await hook().ConfigureAwait(false);
            }
            catch (Exception exception) when (exception is not OutOfMemoryException)
            {
                // The logging actors are gone by now; standard error is the last witness.
                await Console.Error.WriteLineAsync($"Termination hook of {this} failed: {exception}").ConfigureAwait(false);
            }
        }

        _terminated.TrySetResult();
    }

    [GeneratedRegex("^[a-zA-Z0-9][a-zA-Z0-9_-]*$")]
    private static partial Regex SystemNamePattern();
}
