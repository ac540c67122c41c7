using System.Globalization;
using System.Runtime.Serialization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Akka.Actor;
using Akka.Serialization;
using Akka.TestKit.Xunit2;
using FundingArb.Actors.Orchestration;
using FundingArb.Actors.Venues;
using FundingArb.Actors.Wire;
using FundingArb.Trading.Orders;
using FundingArb.Venues;

namespace FundingArb.Actors.Tests.Wire;

public sealed partial class ClusterMessageSerializerTests() : TestKit(ClusterMessageSerializer.Config)
{
    public static TheoryData<string> Manifests() => new(ClusterMessageManifests.All.Select(p => p.Value));

    [Fact]
    public void Samples_CoverEveryRegisteredMessage()
    {
        var sampled = ClusterMessageSamples.All.Select(m => m.GetType()).ToHashSet();

        Assert.Empty(ClusterMessageManifests.All.Where(p => !sampled.Contains(p.Key)).Select(p => p.Key.Name));
    }

    [Theory]
    [MemberData(nameof(Manifests))]
    public void Message_ReadsBackEquivalent_AndWritesTheSameBytesAgain(string manifest)
    {
        var type = ClusterMessageManifests.All.Single(p => p.Value == manifest).Key;
        var message = ClusterMessageSamples.All.Single(m => m.GetType() == type);
        var serializer = Sys.Serialization.FindSerializerFor(message);

        var bytes = serializer.ToBinary(message);
        var read = Sys.Serialization.Deserialize(bytes, serializer.Identifier, Serialization.ManifestFor(serializer, message));

        Assert.Equal(ClusterMessageSerializer.Id, serializer.Identifier);
        Assert.Equal(manifest, Serialization.ManifestFor(serializer, message));
        Assert.Equivalent(message, read, strict: true);
        Assert.Equal(bytes, serializer.ToBinary(read));
    }

    [Fact]
    public void MessageWithoutData_IsItsManifestAlone_AndReadsBackAsTheSameInstance()
    {
        var serializer = Sys.Serialization.FindSerializerFor(GetExecutors.Instance);

        var bytes = serializer.ToBinary(GetExecutors.Instance);

        Assert.Empty(bytes);
        Assert.Same(GetExecutors.Instance, Sys.Serialization.Deserialize(bytes, serializer.Identifier, "get-executors.v1"));
    }

    [Fact]
    public void EveryVenueErrorKind_ReadsBackAsTheSameExceptionWithTheSameMessage()
    {
        foreach (var error in ClusterMessageSamples.VenueErrors)
        {
            var read = (OrderRefused)RoundTrip(new OrderRefused(ClusterMessageSamples.OrderId, error));

            Assert.IsType(error.GetType(), read.Error);
            Assert.Equal(error.Message, read.Error.Message);
            Assert.Equivalent(error, read.Error, strict: true);
        }
    }

    [Fact]
    public void EveryUserEventKind_ReadsBackEqual()
    {
        foreach (var userEvent in ClusterMessageSamples.UserEvents)
        {
            var read = (VenueOrderEvent)RoundTrip(new VenueOrderEvent(userEvent));

            Assert.Equal(userEvent, read.Event);
        }
    }

    [Fact]
    public void Decimals_KeepEveryDigitAndTheirScale()
    {
        var smallest = new OrderPlaced(ClusterMessageSamples.OrderId,
            new OrderAck(ClusterMessageSamples.OrderId, "v1", OrderStatus.Open, 0.0000000000000000000000000001m, ClusterMessageSamples.At));
        var largest = smallest with { Ack = smallest.Ack with { FilledQuantity = 79_228_162_514_264_337_593_543_950_335m } };
        var trailingZeros = smallest with { Ack = smallest.Ack with { FilledQuantity = 0.0990000m } };

        var read = new[] { smallest, largest, trailingZeros }.Select(m => ((OrderPlaced)RoundTrip(m)).Ack.FilledQuantity.ToString(CultureInfo.InvariantCulture));

        Assert.Equal(["0.0000000000000000000000000001", "79228162514264337593543950335", "0.0990000"], read);
    }

    [Fact]
    public void Manifests_AreUniqueVersionedNames_WithoutClrTypeNames()
    {
        var manifests = ClusterMessageManifests.All.Select(p => p.Value).ToList();

        Assert.Equal(manifests.Count, manifests.Distinct(StringComparer.Ordinal).Count());
        Assert.All(manifests, manifest => Assert.Matches(ManifestShape(), manifest));
    }

    [Fact]
    public void Payloads_NameNoClrType()
    {
        var serializer = (SerializerWithStringManifest)Sys.Serialization.FindSerializerForType(typeof(PlaceOrder));

        var payloads = ClusterMessageSamples.All.Select(m => Encoding.UTF8.GetString(serializer.ToBinary(m)));

        Assert.All(payloads, json => Assert.DoesNotMatch(ClrTypeName(), json));
    }

    [Fact]
    public void UnknownManifest_IsASerializationExceptionNamingIt()
    {
        var error = Assert.Throws<SerializationException>(() => Sys.Serialization.Deserialize("{}"u8.ToArray(), ClusterMessageSerializer.Id, "teleport-order.v1"));

        Assert.Contains("'teleport-order.v1'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void UnreadableBytes_AreASerializationExceptionNamingTheManifest()
    {
        var error = Assert.Throws<SerializationException>(() => Sys.Serialization.Deserialize("{not json"u8.ToArray(), ClusterMessageSerializer.Id, "place-order.v1"));

        Assert.Contains("'place-order.v1'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void MessageBreakingADomainRule_IsRefusedWhereItArrives_NamingTheManifest()
    {
        var serializer = (SerializerWithStringManifest)Sys.Serialization.FindSerializerForType(typeof(PlaceOrder));
        var json = Encoding.UTF8.GetString(serializer.ToBinary(new PlaceOrder(ClusterMessageSamples.Entry)));
        var negative = Encoding.UTF8.GetBytes(json.Replace("\"quantity\":0.099", "\"quantity\":-0.099", StringComparison.Ordinal));

        var error = Assert.Throws<SerializationException>(() => Sys.Serialization.Deserialize(negative, ClusterMessageSerializer.Id, "place-order.v1"));

        Assert.Contains("'place-order.v1'", error.Message, StringComparison.Ordinal);
        Assert.Contains("quantity", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ActorRef_ReadsBackAsTheSameActor()
    {
        var probe = CreateTestProbe();
        var options = ClusterJson.CreateOptions((ExtendedActorSystem)Sys);

        var read = JsonSerializer.Deserialize<IActorRef>(JsonSerializer.Serialize(probe.Ref, options), options);

        Assert.Equal(probe.Ref, read);
    }

    private object RoundTrip(object message)
    {
        var serializer = Sys.Serialization.FindSerializerFor(message);
        return Sys.Serialization.Deserialize(serializer.ToBinary(message), serializer.Identifier, Serialization.ManifestFor(serializer, message));
    }

    [GeneratedRegex(@"^[a-z][a-z0-9]*(-[a-z0-9]+)*\.v[1-9][0-9]*$")]
    private static partial Regex ManifestShape();

    // A namespace-qualified name (FundingArb.Venues..., System.Decimal) or a Newtonsoft/STJ type hint.
    [GeneratedRegex(@"FundingArb\.|System\.|\$type|Version=")]
    private static partial Regex ClrTypeName();
}
