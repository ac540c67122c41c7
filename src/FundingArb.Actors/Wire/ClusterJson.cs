using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Akka.Actor;
using FundingArb.Actors.Pairs;
using FundingArb.Trading.Instruments;
using FundingArb.Trading.Orders;
using FundingArb.Venues;

namespace FundingArb.Actors.Wire;

// What the JSON of a message between nodes holds: the values its constructor takes, and nothing else. Derived
// properties (a book's BestBid, an exposure's NetQuantity) are computed again on the reading node, and every value goes
// back through its constructor, so a message that breaks an invariant is refused where it arrives. Decimals stay JSON
// numbers written and read as decimal (no double on the way), enums are written by name, small values as strings, and
// nothing names a CLR type: the polymorphic ones (user events, venue errors) carry kind codes of ours.

/// The System.Text.Json options of one actor system's ClusterMessageSerializer; actor references resolve in that system.
internal static class ClusterJson
{
    public static JsonSerializerOptions CreateOptions(ExtendedActorSystem system)
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            NumberHandling = JsonNumberHandling.Strict,
            RespectNullableAnnotations = true,
            RespectRequiredConstructorParameters = true,
            TypeInfoResolver = new DefaultJsonTypeInfoResolver { Modifiers = { ConstructorStateOnly, UserEventKinds } },
            Converters =
            {
                new JsonStringEnumConverter(namingPolicy: null, allowIntegerValues: false),
                new StringValueConverter<VenueId>(value => new VenueId(value), id => id.Value),
                new StringValueConverter<Symbol>(value => new Symbol(value), symbol => symbol.Value),
                new StringValueConverter<Asset>(value => new Asset(value), asset => asset.Code),
                new StringValueConverter<ClientOrderId>(value => new ClientOrderId(value), id => id.Value),
                new StringValueConverter<LegId>(LegId.Parse, leg => leg.ToString()),
                new ActorRefConverter(system),
                new VenueExceptionConverter(),
                new InstrumentConverter(),
                new OrderEventConverter(),
                new TrackedOrderConverter(),
                new FundingRateConverter(),
            },
        };
        options.MakeReadOnly();
        return options;
    }

    // A property nothing can set on the reading node is derived, so it is left off the wire; unless it is an
    // auto-property (it has a backing field), which is state the constructor System.Text.Json calls does not take (a
    // struct read through its default constructor): that type needs a converter here, and sending it fails until then.
    private static void ConstructorStateOnly(JsonTypeInfo type)
    {
        if (type.Kind != JsonTypeInfoKind.Object)
        {
            return;
        }

        for (var i = type.Properties.Count - 1; i >= 0; i--)
        {
            var property = type.Properties[i];
            if (property is not { Set: null, AssociatedParameter: null })
            {
                continue;
            }

            var member = (property.AttributeProvider as MemberInfo)?.Name;
            if (type.Type.GetField($"<{member}>k__BackingField", BindingFlags.Instance | BindingFlags.NonPublic) is not null)
            {
                throw new InvalidOperationException($"{type.Type.Name}.{member} is state its constructor does not take: add a converter to ClusterJson.");
            }

            type.Properties.RemoveAt(i);
        }
    }

    private static void UserEventKinds(JsonTypeInfo type)
    {
        if (type.Type != typeof(UserEvent))
        {
            return;
        }

        type.PolymorphismOptions = new JsonPolymorphismOptions
        {
            TypeDiscriminatorPropertyName = "kind",
            UnknownDerivedTypeHandling = JsonUnknownDerivedTypeHandling.FailSerialization,
            DerivedTypes =
            {
                new JsonDerivedType(typeof(OrderFilled), "order-filled"),
                new JsonDerivedType(typeof(OrderUpdated), "order-updated"),
                new JsonDerivedType(typeof(FundingSettled), "funding-settled"),
                new JsonDerivedType(typeof(PositionLiquidated), "position-liquidated"),
            },
        };
    }
}
