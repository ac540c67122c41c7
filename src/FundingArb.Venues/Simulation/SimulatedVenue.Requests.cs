using FundingArb.Venues.Errors;

namespace FundingArb.Venues.Simulation;

// A request's life: refused at once if it cannot leave the client (disconnect, rate limit); otherwise it reaches
// the engine one latency later and is handled there; its answer leaves one latency (plus any delay-ack) after that.
// If the answer would come after the request timeout, the client gets VenueTimeoutException at the timeout while
// the venue's work stands. An answer due while the connection is down is lost (VenueUnavailableException with
// AnswerLost). The caller's token abandons the wait only.

public sealed partial class SimulatedVenue
{
    /// Raised, under the venue's lock, when a request is put aside until its arrival time; a handler may only signal.
    public event Action? RequestWaiting;

    /// Requests the venue holds until a later instant (their arrival or their answer) and nobody has abandoned: what a
    /// lockstep runner (FundingArb.Venues.Lockstep) expects to wait on the clock rather than on a thread.
    public int RequestsWaiting
    {
        get
        {
            lock (_gate)
            {
                return _queue.UnorderedItems.Count(item => item.Element.IsWaitingRequest);
            }
        }
    }

    private ValueTask<T> RequestAsync<T>(Func<Answer<T>> handle, CancellationToken cancellationToken)
    {
        if (cancellationToken.IsCancellationRequested)
        {
            return ValueTask.FromCanceled<T>(cancellationToken);
        }

        lock (_gate)
        {
            CatchUp();
            if (RefuseAtSend() is { } refused)
            {
                return ValueTask.FromException<T>(refused);
            }

            var request = new PendingRequest<T>(handle, _nowTicks, cancellationToken);
            if (_latencyTicks == 0)
            {
                Arrive(request);
            }
            else
            {
                Schedule(_nowTicks + _latencyTicks, WorkPhase.Arrival, request);
                Rearm();
                RequestWaiting?.Invoke();
            }

            return new ValueTask<T>(request.Task);
        }
    }

    private void Arrive<T>(PendingRequest<T> request)
    {
        var delay = TimeSpan.Zero;
        try
        {
            var answer = request.Handle();
            request.Result = answer.Value;
            delay = answer.Delay;
        }
        catch (VenueException error)
        {
            request.Error = error;
        }

        var respondAt = _nowTicks + _latencyTicks + delay.Ticks;
        var timeoutAt = request.SentTicks + _settings.RequestTimeout.Ticks;
        if (respondAt > timeoutAt)
        {
            request.Error = new VenueTimeoutException(Id, _settings.RequestTimeout);
            respondAt = Math.Max(timeoutAt, _nowTicks);
        }

        request.Arrived = true;
        if (respondAt == _nowTicks)
        {
            Respond(request);
        }
        else
        {
            Schedule(respondAt, WorkPhase.Response, request);
            Rearm();
        }
    }

    private void Respond<T>(PendingRequest<T> request)
    {
        if (request.Error is VenueTimeoutException timeout)
        {
            request.Complete(timeout);
        }
        else if (IsDisconnected)
        {
            request.Complete(new VenueUnavailableException(Id, answerLost: true));
        }
        else
        {
            request.Complete(request.Error);
        }
    }

    /// A handler's answer and how much later than the latency it leaves the venue (a delay-ack fault).
    private readonly record struct Answer<T>(T Value, TimeSpan Delay)
    {
        public static implicit operator Answer<T>(T value) => new(value, TimeSpan.Zero);
    }

    private sealed class PendingRequest<T> : Work
    {
        private readonly TaskCompletionSource<T> _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly CancellationTokenRegistration _registration;

        public PendingRequest(Func<Answer<T>> handle, long sentTicks, CancellationToken cancellationToken)
        {
            Handle = handle;
            SentTicks = sentTicks;
            _registration = cancellationToken.Register(
                static (state, token) => ((TaskCompletionSource<T>)state!).TrySetCanceled(token), _completion);
        }

        public Func<Answer<T>> Handle { get; }

        public long SentTicks { get; }

        public bool Arrived { get; set; }

        public T? Result { get; set; }

        public VenueException? Error { get; set; }

        public Task<T> Task => _completion.Task;

        public override bool IsWaitingRequest => !Task.IsCompleted;

        public override void Run(SimulatedVenue venue)
        {
            if (Arrived)
            {
                venue.Respond(this);
            }
            else
            {
                venue.Arrive(this);
            }
        }

        public void Complete(VenueException? error)
        {
            _registration.Dispose();
            if (error is null)
            {
                _completion.TrySetResult(Result!);
            }
            else
            {
                _completion.TrySetException(error);
            }
        }
    }
}
