using System.Numerics;
using StarkGpu.Fields;

namespace StarkGpu.Fields.Tests;

/// <summary>
/// An independent model of a prime field and its degree-4 extension in plain BigInteger
/// arithmetic on canonical values (no Montgomery form), against which the structs are checked.
/// </summary>
internal static class ModularReference
{
    public static readonly BigInteger R = BigInteger.One << 32;

    public static BigInteger Modulus<TField>() where TField : unmanaged, IPrimeField<TField> => TField.Modulus;

    public static BigInteger Mod(BigInteger value, BigInteger p)
    {
        var r = value % p;
        return r.Sign < 0 ? r + p : r;
    }

    public static BigInteger ValueOf<TField>(TField x) where TField : unmanaged, IPrimeField<TField> => x.Canonical;

    /// <summary>The Montgomery bits a canonical value must be stored as: value * 2^32 mod p.</summary>
    public static uint MontgomeryBits<TField>(BigInteger value) where TField : unmanaged, IPrimeField<TField> =>
        (uint)Mod(value * R, Modulus<TField>());

    /// <summary>Coefficients of a polynomial product reduced by X^4 = W, mod p.</summary>
    public static BigInteger[] Ext4Multiply(BigInteger[] a, BigInteger[] b, BigInteger w, BigInteger p)
    {
        var full = new BigInteger[7];
        for (var i = 0; i < 4; i++)
        {
            for (var j = 0; j < 4; j++)
            {
                full[i + j] += a[i] * b[j];
            }
        }

        var result = new BigInteger[4];
        for (var k = 0; k < 4; k++)
        {
            result[k] = Mod(full[k] + (k + 4 < 7 ? w * full[k + 4] : 0), p);
        }

        return result;
    }

    public static BigInteger[] Ext4Pow(BigInteger[] a, BigInteger exponent, BigInteger w, BigInteger p)
    {
        BigInteger[] result = [1, 0, 0, 0];
        var basePower = a;
        while (!exponent.IsZero)
        {
            if (!exponent.IsEven)
            {
                result = Ext4Multiply(result, basePower, w, p);
            }

            basePower = Ext4Multiply(basePower, basePower, w, p);
            exponent >>= 1;
        }

        return result;
    }

    public static BigInteger[] CoefficientsOf<TField>(BinomialExtension4<TField> x) where TField : unmanaged, IPrimeField<TField> =>
        [x.C0.Canonical, x.C1.Canonical, x.C2.Canonical, x.C3.Canonical];
}
