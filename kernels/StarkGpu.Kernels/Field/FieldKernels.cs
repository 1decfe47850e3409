using ILGPU;
using StarkGpu.Fields;
using StarkGpu.Kernels.Launch;

namespace StarkGpu.Kernels.Field;

/// <summary>
/// Element-wise field arithmetic, written once over the field type: the Montgomery structs of StarkGpu.Fields use
/// only 32x32-bit products, so their operators compile in kernels as they are. Output may alias an input (each
/// element is read before it is written). <c>range</c> covers the elements.
/// </summary>
public static class FieldKernels
{
    /// <summary>output[i] = a[i] + b[i].</summary>
    public static void Add<TField>(Index1D index, ArrayView<TField> a, ArrayView<TField> b, ArrayView<TField> output, WorkRange range)
        where TField : unmanaged, IField<TField>
    {
        // Bounds in locals: the CPU accelerator runs this IL as it is, and the JIT does not hoist them.
        long end = range.End(index), step = range.Step;
        for (var i = range.First(index); i < end; i += step)
        {
            output[i] = a[i] + b[i];
        }
    }

    /// <summary>output[i] = a[i] - b[i].</summary>
    public static void Subtract<TField>(Index1D index, ArrayView<TField> a, ArrayView<TField> b, ArrayView<TField> output, WorkRange range)
        where TField : unmanaged, IField<TField>
    {
        // Bounds in locals: the CPU accelerator runs this IL as it is, and the JIT does not hoist them.
        long end = range.End(index), step = range.Step;
        for (var i = range.First(index); i < end; i += step)
        {
            output[i] = a[i] - b[i];
        }
    }

    /// <summary>output[i] = a[i] * b[i]; with an extension type as <typeparamref name="TField"/>, the extension product.</summary>
    public static void Multiply<TField>(Index1D index, ArrayView<TField> a, ArrayView<TField> b, ArrayView<TField> output, WorkRange range)
        where TField : unmanaged, IField<TField>
    {
        // Bounds in locals: the CPU accelerator runs this IL as it is, and the JIT does not hoist them.
        long end = range.End(index), step = range.Step;
        for (var i = range.First(index); i < end; i += step)
        {
            output[i] = a[i] * b[i];
        }
    }

    /// <summary>output[i] = input[i]^exponent (x^0 = 1): a fixed chain of 64 squarings, so compute-bound.</summary>
    public static void Pow<TField>(Index1D index, ArrayView<TField> input, ArrayView<TField> output, ulong exponent, WorkRange range)
        where TField : unmanaged, IField<TField>
    {
        // Bounds in locals: the CPU accelerator runs this IL as it is, and the JIT does not hoist them.
        long end = range.End(index), step = range.Step;
        for (var i = range.First(index); i < end; i += step)
        {
            output[i] = PowOf(input[i], exponent);
        }
    }

    /// <summary>
    /// x^exponent, left to right over all 64 bits (leading zero bits square one, which stays one): no bit scan,
    /// which kernels would have to emulate, and the same result as <see cref="FieldMath.Pow{T}"/>.
    /// </summary>
    public static TField PowOf<TField>(TField x, ulong exponent) where TField : unmanaged, IField<TField>
    {
        var result = TField.One;
        for (var bit = 63; bit >= 0; bit--)
        {
            result *= result;
            if (((exponent >> bit) & 1) != 0)
            {
                result *= x;
            }
        }

        return result;
    }
}
