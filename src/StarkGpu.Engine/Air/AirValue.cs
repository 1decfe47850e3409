using System.Runtime.CompilerServices;
using StarkGpu.Fields;

namespace StarkGpu.Engine.Air;

/// <summary>
/// A field element as an <see cref="IAirExpression{TSelf}"/>: constraints evaluated on concrete rows (the
/// constraint checker). A wrapper because the field type cannot implement an interface of this project.
/// </summary>
public readonly record struct AirValue(KoalaBear Value) : IAirExpression<AirValue>
{
    public static AirValue Zero => default;

    public static AirValue One => new(KoalaBear.One);

    public bool IsZero => Value.IsZero;

    public static AirValue FromField(KoalaBear value) => new(value);

    public static AirValue FromInt(long value) => new(KoalaBear.FromSigned(value));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static AirValue operator +(AirValue left, AirValue right) => new(left.Value + right.Value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static AirValue operator -(AirValue left, AirValue right) => new(left.Value - right.Value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static AirValue operator *(AirValue left, AirValue right) => new(left.Value * right.Value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static AirValue operator -(AirValue value) => new(-value.Value);

    public override string ToString() => Value.ToString();
}
