using System.Diagnostics;

namespace FundingArb.Kernel.TestKit;

/// <summary>Time-boxed blocks and polling assertions.</summary>
public abstract partial class TestKitBase
{
    private static readonly TimeSpan s_defaultPollInterval = TimeSpan.FromMilliseconds(20);

    /// <summary>
    /// Runs <paramref name="block"/>, whose expectations share the deadline <paramref name="max"/> (dilated),
    /// and fails when the block took less than <paramref name="min"/> or more than the deadline (unless it
    /// ended with <c>ExpectNoMsg</c>, as in Akka).
    /// </summary>
    public async Task WithinAsync(TimeSpan min, TimeSpan max, Func<Task> block)
    {
        ArgumentNullException.ThrowIfNull(block);
        var limit = RemainingOrDilated(max);
        var start = Stopwatch.GetTimestamp();
        var outer = _withinEndTimestamp;
        _withinEndTimestamp = DeadlineAfter(limit);
        _lastWasNoMsg = false;
        try
        {
            await block().ConfigureAwait(false);
        }
        finally
        {
            _withinEndTimestamp = outer;
        }

        var elapsed = Stopwatch.GetElapsedTime(start);
        if (elapsed < min)
        {
            throw Fail($"The block took {elapsed}, less than the minimum {min}.");
        }

        if (elapsed > limit && !_lastWasNoMsg)
        {
            throw Fail($"The block took {elapsed}, more than the limit {limit}.");
        }
    }

    public Task WithinAsync(TimeSpan max, Func<Task> block) => WithinAsync(TimeSpan.Zero, max, block);

    public void Within(TimeSpan min, TimeSpan max, Action block)
    {
        ArgumentNullException.ThrowIfNull(block);
        WithinAsync(min, max, () => { block(); return Task.CompletedTask; }).GetAwaiter().GetResult();
    }

    public void Within(TimeSpan max, Action block) => Within(TimeSpan.Zero, max, block);

    public T Within<T>(TimeSpan max, Func<T> block)
    {
        ArgumentNullException.ThrowIfNull(block);
        T result = default!;
        Within(TimeSpan.Zero, max, () => result = block());
        return result;
    }

    /// <summary>
    /// Retries <paramref name="assertion"/> every <paramref name="interval"/> until it stops throwing; when
    /// <paramref name="duration"/> (dilated) runs out, rethrows its last failure.
    /// </summary>
    public async Task AwaitAssertAsync(Func<Task> assertion, TimeSpan? duration = null, TimeSpan? interval = null)
    {
        ArgumentNullException.ThrowIfNull(assertion);
        var deadline = DeadlineAfter(RemainingOrDilated(duration));
        var pause = interval ?? s_defaultPollInterval;
        while (true)
        {
            try
            {
                await assertion().ConfigureAwait(false);
                return;
            }
            catch (Exception) when (TimeLeft(deadline) > TimeSpan.Zero)
            {
                await Task.Delay(Min(pause, TimeLeft(deadline)), TimeProvider.System).ConfigureAwait(false);
            }
        }
    }

    public Task AwaitAssertAsync(Action assertion, TimeSpan? duration = null, TimeSpan? interval = null)
    {
        ArgumentNullException.ThrowIfNull(assertion);
        return AwaitAssertAsync(() => { assertion(); return Task.CompletedTask; }, duration, interval);
    }

    public void AwaitAssert(Action assertion, TimeSpan? duration = null, TimeSpan? interval = null) =>
        AwaitAssertAsync(assertion, duration, interval).GetAwaiter().GetResult();

    /// <summary>Polls <paramref name="condition"/> until it holds; fails with <paramref name="message"/> when time runs out.</summary>
    public async Task AwaitConditionAsync(Func<bool> condition, TimeSpan? max = null, TimeSpan? interval = null, string? message = null)
    {
        ArgumentNullException.ThrowIfNull(condition);
        var limit = RemainingOrDilated(max);
        var deadline = DeadlineAfter(limit);
        var pause = interval ?? s_defaultPollInterval;
        while (!condition())
        {
            var left = TimeLeft(deadline);
            if (left <= TimeSpan.Zero)
            {
                throw Fail($"Timeout ({limit}) waiting for the condition{Hint(message)}.");
            }

            await Task.Delay(Min(pause, left), TimeProvider.System).ConfigureAwait(false);
        }
    }

    public void AwaitCondition(Func<bool> condition, TimeSpan? max = null, TimeSpan? interval = null, string? message = null) =>
        AwaitConditionAsync(condition, max, interval, message).GetAwaiter().GetResult();

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;
}
