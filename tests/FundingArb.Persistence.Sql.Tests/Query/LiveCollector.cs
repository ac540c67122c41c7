using System.Collections.Concurrent;
using Akka;
using Akka.Streams;
using Akka.Streams.Dsl;

namespace FundingArb.Persistence.Sql.Tests.Query;

/// <summary>Runs a live query and keeps what it delivers, until the test shuts it down.</summary>
internal sealed class LiveCollector<T>
{
    private readonly ConcurrentQueue<T> _items = new();
    private readonly UniqueKillSwitch _killSwitch;

    public LiveCollector(Source<T, NotUsed> query, IMaterializer materializer)
    {
        (_killSwitch, Completion) = query
            .ViaMaterialized(KillSwitches.Single<T>(), Keep.Right)
            .ToMaterialized(Sink.ForEach<T>(_items.Enqueue), Keep.Both)
            .Run(materializer);
    }

    /// <summary>Completes when the query completes (after <see cref="Shutdown"/>, without an exception).</summary>
    public Task Completion { get; }

    public IReadOnlyList<T> Items => [.. _items];

    public int Count => _items.Count;

    public void Shutdown() => _killSwitch.Shutdown();
}
