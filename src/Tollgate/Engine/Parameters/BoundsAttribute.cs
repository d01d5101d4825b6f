namespace Tollgate;

/// <summary>
/// The smallest and largest value a number parameter takes (both included), e.g. <c>[Bounds(0, 100)]</c> on a
/// percentage. A value outside is bad input, named with its source before any target runs.
/// </summary>
[AttributeUsage(AttributeTargets.Field | AttributeTargets.Property)]
public sealed class BoundsAttribute(double minimum, double maximum = double.PositiveInfinity) : Attribute
{
    /// <summary>The smallest value allowed.</summary>
    public double Minimum { get; } = minimum;

    /// <summary>The largest value allowed.</summary>
    public double Maximum { get; } = maximum;
}
