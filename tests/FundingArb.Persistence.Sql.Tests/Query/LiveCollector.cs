using System.Collections.Concurrent;

namespace FundingArb.Persistence.Sql.Tests.Query;

/// <summary>Runs a live query in the background and keeps what it delivers, until the test cancels it.</summary>
internal sealed class LiveCollector<T> : IDisposable
{
    private readonly ConcurrentQueue<T> _items = new();
    private readonly CancellationTokenSource _stop = new();

    public LiveCollector(Func<CancellationToken, IAsyncEnumerable<T>> query)
    {
        Completion = Task.Run(async () =>
        {
            await foreach (var item in query(_stop.Token))
            {
                _items.Enqueue(item);
            }
        });
    }

    /// <summary>Completes when the query completes (on cancellation, without an exception).</summary>
    public Task Completion { get; }

    public IReadOnlyList<T> Items => [.. _items];

    public int Count => _items.Count;

    public void Cancel() => _stop.Cancel();

    public void Dispose()
    {
        _stop.Cancel();
        _stop.Dispose();
    }
}
