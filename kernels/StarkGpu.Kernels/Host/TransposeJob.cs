using System.Runtime.CompilerServices;

namespace StarkGpu.Kernels.Host;

/// <summary>One worker's share of <see cref="HostTraces.TransposeToColumns"/>: its tiles of sixteen rows, and the last rows when it is the last worker.</summary>
internal unsafe struct TransposeJob : IChunkJob
{
    public uint* Rows;
    public uint* Columns;
    public int RowCount;
    public int ColumnCount;

    [SkipLocalsInit]
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // called once per trace: full optimization from the first call, not tier 0 and OSR
    public readonly long Run(int worker, long first, long end, bool isLast)
    {
        var fill = new TransposeTileFill { Rows = Rows, Columns = ColumnCount };
        var bytes = TileScratch.Bytes(ColumnCount);
        var onStack = bytes <= TileScratch.StackLimit;
        var stack = stackalloc byte[onStack ? bytes : 0];
        var block = onStack ? stack : TileScratch.Allocate(bytes);
        try
        {
            var tile = TileScratch.Tile(block);
            TileLines.Write(ref fill, Columns, RowCount, ColumnCount, first, end, tile, TileScratch.Previous(tile, ColumnCount));
        }
        finally
        {
            if (!onStack)
            {
                TileScratch.Free(block);
            }
        }

        if (isLast)
        {
            for (long r = RowCount - (RowCount % MontgomeryLines.Cells); r < RowCount; r++)
            {
                for (var c = 0; c < ColumnCount; c++)
                {
                    Columns[(c * (long)RowCount) + r] = Rows[(r * ColumnCount) + c];
                }
            }
        }

        return -1;
    }
}
