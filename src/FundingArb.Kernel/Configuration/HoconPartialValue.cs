namespace FundingArb.Kernel.Configuration;

/// A value resolved only as far as its type: a final scalar, an array of unresolved elements, or an object
/// of unresolved merge stacks. Resolving lazily is what lets <c>bar : { foo : 42, baz : ${bar.foo} }</c>
/// look up <c>bar.foo</c> without resolving all of <c>bar</c> (which would be a cycle).
internal sealed class HoconPartialValue
{
    public static readonly HoconPartialValue Undefined = new(null, null, null, default);

    private HoconPartialValue(HoconValue? scalar, IReadOnlyList<HoconNode>? elements, HoconFieldTable? fields, HoconOrigin origin)
    {
        Scalar = scalar;
        Elements = elements;
        Fields = fields;
        Origin = origin;
    }

    public HoconValue? Scalar { get; }

    public IReadOnlyList<HoconNode>? Elements { get; }

    public HoconFieldTable? Fields { get; }

    public HoconOrigin Origin { get; }

    /// An optional substitution that found nothing: the field or element it defines is left out.
    public bool IsUndefined => Scalar is null && Elements is null && Fields is null;

    public string Describe() => Fields is not null ? "an object" : Elements is not null ? "an array" : Scalar?.Describe() ?? "nothing";

    public static HoconPartialValue FromScalar(HoconValue value) => new(value, null, null, value.Origin);

    public static HoconPartialValue FromArray(IReadOnlyList<HoconNode> elements, HoconOrigin origin) => new(null, elements, null, origin);

    public static HoconPartialValue FromObject(HoconFieldTable fields, HoconOrigin origin) => new(null, null, fields, origin);
}
