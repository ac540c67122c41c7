using System.Globalization;
using Akka.Cluster.Sharding;
using Akka.Util;

namespace FundingArb.Cluster.Placement;

/// <summary>
/// The shard of a pair: a stable hash of its executor id (MurmurHash, as Akka's own extractor), so sharding can start a
/// remembered pair from its id alone. Every message to a pair comes in a ShardingEnvelope, which the region unwraps
/// itself, so the extractor names no entity for a bare message.
/// </summary>
public sealed class PairShardMessageExtractor : IMessageExtractor
{
    public PairShardMessageExtractor(int shards)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(shards, 1);
        Shards = shards;
    }

    /// <summary>The number of shards; it must not change while any node of the cluster runs.</summary>
    public int Shards { get; }

    public string? EntityId(object message) => null;

    public object? EntityMessage(object message) => message;

    public string ShardId(string entityId, object? messageHint = null)
    {
        ArgumentNullException.ThrowIfNull(entityId);
        return ((MurmurHash.StringHash(entityId) % Shards + Shards) % Shards).ToString(CultureInfo.InvariantCulture);
    }

    [Obsolete("Sharding asks with the entity id since Akka.NET 1.5.15.")]
    public string? ShardId(object message) => null;
}
