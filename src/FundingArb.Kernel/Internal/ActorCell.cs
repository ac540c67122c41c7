namespace FundingArb.Kernel.Internal;

/// <summary>
/// The runtime of one actor: its mailbox, its current instance, children, watchers and supervision state.
/// Thread ownership: everything but the inbox fields (<c>_userInbox</c>, <c>_systemInbox</c>, <c>_status</c>)
/// is touched only by the thread currently running the cell, and the mailbox guarantees at most one such
/// thread at a time. The partial files split it by concern, as Akka's ActorCell does.
/// </summary>
internal sealed partial class ActorCell : IActorContext
{
    [ThreadStatic]
    private static ActorCell? s_current;

    private readonly ActorSystem _system;
    private readonly Props _props;
    private readonly IInternalActorRef _parent;
    private readonly string _name;
    private readonly long _uid;
    private ActorPath? _path;
    private ActorBase? _actor;
    private Envelope? _currentEnvelope;

    public ActorCell(ActorSystem system, Props props, IInternalActorRef parent, ActorPath? parentPath, string name, long uid)
    {
        _system = system;
        _props = props;
        _parent = parent;
        _name = name;
        _uid = uid;
        _path = parentPath?.Child(name, uid);
        Self = new LocalActorRef(this);
    }

    /// <summary>
    /// The sender that a Tell without one uses outside actors in this async flow; the TestKit sets its test
    /// actor here, as Akka's TestKit makes its test actor the implicit sender of test code.
    /// </summary>
    public static readonly AsyncLocal<IActorRef?> ImplicitSender = new();

    /// <summary>The cell whose actor is running on this thread, or null outside actors.</summary>
    public static ActorCell? Current => s_current;

    public LocalActorRef Self { get; }

    IActorRef IActorContext.Self => Self;

    public IActorRef Sender => _currentEnvelope?.Sender ?? _system.DeadLetters;

    public IActorRef Parent => _parent;

    public ActorSystem System => _system;

    public Props Props => _props;

    public string Name => _name;

    public long Uid => _uid;

    public ActorBase? Actor => _actor;

    /// <summary>Fixes the path of a cell with no parent path (the root guardian).</summary>
    public void SetPath(ActorPath path) => _path = path;

    /// <summary>Built on first use: idle actors that nobody asks for a path never pay for one.</summary>
    public ActorPath Path => _path ??= _parent.Path.Child(_name, _uid);

    /// <summary>Restart bookkeeping kept for this cell by its parent's supervisor strategy.</summary>
    public ChildRestartStats RestartStats => _restartStats ??= new ChildRestartStats(Self);

    private ChildRestartStats? _restartStats;

    public ILoggingAdapter GetLogger() => _logger ??= new BusLogger(_system, Path.ToStringWithoutUid(), _actor?.GetType());

    private ILoggingAdapter? _logger;

    /// <summary>The message being handled, kept while an async handler runs and through a failure.</summary>
    public Envelope? CurrentEnvelope => _currentEnvelope;

    /// <summary>Makes a persist handler see the sender of the command that persisted its event.</summary>
    public void ReplaceCurrentEnvelope(Envelope? envelope) => _currentEnvelope = envelope;

    /// <summary>Puts envelopes back at the front of the mailbox (Unstash); only from the actor's own turn.</summary>
    public void Prepend(IReadOnlyList<Envelope> envelopes) => PrependUser(envelopes);

    public void Become(Receive receive) => RequireActor().BecomeFromContext(receive, stacked: false);

    public void BecomeStacked(Receive receive) => RequireActor().BecomeFromContext(receive, stacked: true);

    public void UnbecomeStacked() => RequireActor().UnbecomeFromContext();

    private ActorBase RequireActor() => _actor ?? throw new InvalidOperationException($"{Path} has no running actor instance.");

    /// <summary>Sends the Create that builds the actor on its own thread; called once by the parent.</summary>
    public void Start() => SendSystemMessage(new Create());

    public override string ToString() => $"ActorCell[{Path}]";

    private static bool IsFatal(Exception exception) =>
        exception is OutOfMemoryException or StackOverflowException or AccessViolationException or InvalidProgramException;
}
