using ILGPU;
using StarkGpu.Kernels.Launch;
using StarkGpu.Kernels.Traces;

namespace StarkGpu.Rv32im.Chips.ByteLookup;

/// <summary>
/// The ByteLookup chip's preprocessed table on the device: row <c>(b &lt;&lt; 8) | c</c> holds b, c and the result of
/// every byte operation (<see cref="ByteLookupColumns"/>), column-major, as <see cref="ByteLookupChip.WriteTable"/>
/// writes it on the host.
/// </summary>
public static class ByteTableKernel
{
    public static void Write(Index1D index, ArrayView<uint> trace, WorkRange range)
    {
        var height = range.Count;
        for (var i = range.First(index); i < range.End(index); i += range.Step)
        {
            var b = (uint)i >> 8;
            var c = (uint)i & 0xff;
            trace[(ByteLookupColumns.B * height) + i] = FieldCells.FromByte(b);
            trace[(ByteLookupColumns.C * height) + i] = FieldCells.FromByte(c);
            trace[(ByteLookupColumns.And * height) + i] = FieldCells.FromByte(b & c);
            trace[(ByteLookupColumns.Or * height) + i] = FieldCells.FromByte(b | c);
            trace[(ByteLookupColumns.Xor * height) + i] = FieldCells.FromByte(b ^ c);
            trace[(ByteLookupColumns.Ltu * height) + i] = FieldCells.FromBool(b < c);
            trace[(ByteLookupColumns.Msb * height) + i] = FieldCells.FromByte(b >> 7);
        }
    }
}
