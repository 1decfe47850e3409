using StarkGpu.Rv32im.Chips.ByteLookup;
using StarkGpu.Rv32im.Chips.Rows;
using StarkGpu.Rv32im.Events;

namespace StarkGpu.Rv32im.Chips.Alu.Shared;

/// <summary>
/// What every ALU chip shares: one row per <see cref="AluEvent"/> of its list in the record, made by the chip's row
/// writer on the host and on the device (<see cref="RowWriterChip{TEvent}"/>), and byte lookups it sends to the
/// ByteLookup chip. A chip supplies its columns, constraints and writer. Machines and tests hold ALU chips by this type.
/// </summary>
public abstract class AluChip : RowWriterChip<AluEvent>, IByteLookupSource
{
    /// <summary>For trace comparisons: the event behind a row.</summary>
    public string? DescribeRow(ExecutionRecord record, int row)
    {
        ArgumentNullException.ThrowIfNull(record);
        var events = Events(record);
        if (row >= events.Count)
        {
            return null;
        }

        var alu = events[row];
        return $"{alu.Opcode} a = 0x{alu.A:x8}, b = 0x{alu.B:x8}, c = 0x{alu.C:x8} at pc 0x{alu.Pc:x8}";
    }

    protected override string? Describe(ExecutionRecord record, int row) => DescribeRow(record, row);
}
