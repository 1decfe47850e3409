using System.Runtime.InteropServices;

namespace StarkGpu.Kernels.Host;

/// <summary>Where a worker's tile scratch lives when it is too big for its stack: one aligned block per worker and call, never per tile.</summary>
internal static unsafe class TileScratch
{
    /// <summary>Largest scratch (bytes) a worker takes on its stack.</summary>
    public const int StackLimit = 64 * 1024;

    /// <summary>Bytes of a worker's two tiles (the tile and the previous lines) of <paramref name="width"/> columns, plus room to align them.</summary>
    public static int Bytes(int width) => (2 * width * MontgomeryLines.Cells * sizeof(uint)) + 64;

    /// <summary>The 64-byte-aligned tile in <paramref name="block"/>; the previous lines follow it (<see cref="Previous"/>).</summary>
    public static uint* Tile(byte* block) => (uint*)(((nuint)block + 63) & ~(nuint)63);

    /// <summary>The previous lines after <paramref name="tile"/>.</summary>
    public static uint* Previous(uint* tile, int width) => tile + (width * MontgomeryLines.Cells);

    /// <summary>A heap block for a scratch over <see cref="StackLimit"/>; free with <see cref="Free"/>.</summary>
    public static byte* Allocate(int bytes) => (byte*)NativeMemory.AlignedAlloc((nuint)bytes, 64);

    public static void Free(byte* block) => NativeMemory.AlignedFree(block);
}
