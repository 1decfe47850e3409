using ILGPU;

namespace StarkGpu.Rv32im.Chips.Rows;

/// <summary>
/// One counted table on the device for a launch: <see cref="SetCount"/> consecutive sets of <see cref="Cells"/>
/// counters in <see cref="Sets"/>, value v counted in cell <c>(v - Base) &gt;&gt; Shift</c> (see
/// <see cref="Kernels.Counting.DeviceCounters"/>). The ByteLookup multiplicities are table 0 (base 0, shift 0), the
/// Program multiplicities table 1 (base = the code base, shift 2: one counter per instruction).
/// </summary>
public readonly record struct DeviceCounterTable(ArrayView<uint> Sets, int SetCount, uint Cells, uint Base, int Shift);
