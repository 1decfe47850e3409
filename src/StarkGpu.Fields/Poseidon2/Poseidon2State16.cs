using System.Runtime.InteropServices;

namespace StarkGpu.Fields.Poseidon2;

/// <summary>
/// A width-16 Poseidon2 state: 16 KoalaBear Montgomery words (the bits <see cref="KoalaBear.Raw"/> holds), as
/// named fields rather than an array so that the permutation compiles in ILGPU kernels (no arrays, no spans) and the
/// JIT can keep the lanes in registers. Its layout is that of 16 consecutive <see cref="KoalaBear"/> values, so a
/// buffer of states is a buffer of field elements.
/// </summary>
[StructLayout(LayoutKind.Sequential)]
public struct Poseidon2State16
{
    public const int Width = 16;

    public uint S0, S1, S2, S3, S4, S5, S6, S7, S8, S9, S10, S11, S12, S13, S14, S15;
}
