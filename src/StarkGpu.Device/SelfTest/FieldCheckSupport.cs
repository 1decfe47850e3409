using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using StarkGpu.Fields;

namespace StarkGpu.Device.SelfTest;

/// <summary>What the field kernel checks share: inputs drawn from a seed, poisoned outputs, bitwise comparison.</summary>
internal static class FieldCheckSupport
{
    /// <summary>
    /// Random prime-field elements; the first ones are the edge values 0, 1, -1, 2 and -2, where
    /// carries and borrows of the Montgomery arithmetic happen.
    /// </summary>
    public static TField[] PrimeElements<TField>(Random random, int count) where TField : unmanaged, IPrimeField<TField>
    {
        var values = new TField[count];
        ReadOnlySpan<TField> edges = [TField.Zero, TField.One, -TField.One, TField.One + TField.One, -(TField.One + TField.One)];
        for (var i = 0; i < count; i++)
        {
            values[i] = i < edges.Length ? edges[i] : TField.FromCanonical((uint)random.NextInt64(TField.Modulus));
        }

        return values;
    }

    /// <summary>Random extension elements; the first ones are 0, 1, -1 and X.</summary>
    public static BinomialExtension4<TField>[] Ext4Elements<TField>(Random random, int count) where TField : unmanaged, IPrimeField<TField>
    {
        var coefficients = PrimeElements<TField>(random, 4 * count);
        var values = MemoryMarshal.Cast<TField, BinomialExtension4<TField>>(coefficients).ToArray();
        ReadOnlySpan<BinomialExtension4<TField>> edges =
            [BinomialExtension4<TField>.Zero, BinomialExtension4<TField>.One, -BinomialExtension4<TField>.One, BinomialExtension4<TField>.X];
        edges[..Math.Min(edges.Length, count)].CopyTo(values);
        return values;
    }

    /// <summary>A length between <paramref name="minimum"/> and twice that, odd so that no chunking divides it evenly.</summary>
    public static int OddLength(Random random, int minimum) => random.Next(minimum, 2 * minimum) | 1;

    /// <summary>
    /// Writes <see cref="Poison.Word"/> over every word of <paramref name="buffer"/>: with
    /// <c>Fill32</c> for one-word elements, by a host upload for wider ones (Fill32 takes 4-byte types only).
    /// </summary>
    public static void Poison<T>(DeviceStream stream, DeviceBuffer<T> buffer) where T : unmanaged
    {
        if (Unsafe.SizeOf<T>() == sizeof(uint))
        {
            stream.Fill32(buffer, SelfTest.Poison.Word);
            return;
        }

        var words = new uint[checked((int)(buffer.SizeInBytes / sizeof(uint)))];
        words.AsSpan().Fill(SelfTest.Poison.Word);
        stream.CopyToDevice<T>(MemoryMarshal.Cast<uint, T>(words), buffer);
    }

    /// <summary>
    /// Compares every element bit for bit; on the first difference throws naming the case, the index,
    /// the inputs (described by <paramref name="describeInputs"/>), the expected and the actual words.
    /// </summary>
    public static void RequireBitwiseEqual<T>(string name, ReadOnlySpan<T> expected, ReadOnlySpan<T> actual, Func<int, string> describeInputs)
        where T : unmanaged
    {
        if (expected.Length != actual.Length)
        {
            throw new SelfTestFailureException($"{name}: {actual.Length} results, expected {expected.Length}");
        }

        var expectedWords = MemoryMarshal.Cast<T, uint>(expected);
        var actualWords = MemoryMarshal.Cast<T, uint>(actual);
        var mismatch = expectedWords.CommonPrefixLength(actualWords);
        if (mismatch == expectedWords.Length)
        {
            return;
        }

        var index = mismatch / (Unsafe.SizeOf<T>() / sizeof(uint));
        throw new SelfTestFailureException(
            $"{name}: element {index} of {expected.Length} differs: inputs {describeInputs(index)}; expected {Words(expected[index])}, actual {Words(actual[index])}");
    }

    /// <summary>The stored words of a value in hex, the way the device sees them.</summary>
    public static string Words<T>(T value) where T : unmanaged
    {
        var words = MemoryMarshal.Cast<T, uint>(new ReadOnlySpan<T>(in value));
        return words.Length == 1 ? $"0x{words[0]:x8}" : "[" + string.Join(", ", words.ToArray().Select(w => $"0x{w:x8}")) + "]";
    }
}
