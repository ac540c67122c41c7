using Akka.Actor;
using Akka.Cluster.Sharding;

namespace FundingArb.Cluster.Tests.Infrastructure;

/// <summary>A sharded entity standing in for an executor: it answers every <see cref="Envelope"/> with its own reference.</summary>
internal sealed class EchoEntity : ReceiveActor
{
    public EchoEntity() => Receive<Envelope>(_ => Sender.Tell(Self));

    public sealed record Envelope(string EntityId);

    /// <summary>Every entity in shard "0": the test follows the one lease sharding takes for it.</summary>
    public sealed class Extractor : IMessageExtractor
    {
        public string EntityId(object message) => ((Envelope)message).EntityId;

        public object EntityMessage(object message) => message;

        public string ShardId(object message) => "0";

        public string ShardId(string entityId, object? messageHint = null) => "0";
    }
}
