using StarkGpu.Device;
using StarkGpu.Device.Cpu;
using StarkGpu.Engine.Checking;
using StarkGpu.Engine.Chips;
using StarkGpu.Engine.Equality;
using StarkGpu.Engine.Machines;
using StarkGpu.Fields;
using StarkGpu.Rv32im.Chips.Alu.Shared;
using StarkGpu.Rv32im.Chips.ByteLookup;
using StarkGpu.Rv32im.Elf;
using StarkGpu.Rv32im.Events;

namespace StarkGpu.Rv32im.Tests.Chips.Support;

/// <summary>
/// Runs a chip the two ways the engine does (host trace, CPU-backend kernels) and checks its constraints in a
/// tiny machine: the chips under test, <see cref="AluSenderChip"/> (alu bus) and a ByteLookup fed by the chips
/// under test (byte bus).
/// </summary>
public static class ChipHarness
{
    private static readonly Lazy<HostTrace> s_byteTable = new(() =>
    {
        var table = HostTrace.Zeros(ByteLookupTable.Rows, ByteLookupColumns.PreprocessedWidth);
        ByteLookupChip.WriteTable(table.AsSpan2D());
        return table;
    });

    /// <summary>The host preprocessed ByteLookup table (it does not depend on the program).</summary>
    public static HostTrace ByteTable => s_byteTable.Value;

    /// <summary>The device main trace of <paramref name="chip"/> on the CPU backend, copied back row-major.</summary>
    public static HostTrace DeviceMainTrace(Chip<ExecutionRecord, Program> chip, ExecutionRecord record)
    {
        using var accelerator = Accelerators.Cpu();
        using var stream = accelerator.CreateStream();
        using var output = AllocatePoisoned(stream, chip.Width, chip.MainHeight(record));
        chip.GenerateDeviceMainTrace(record, stream, output);
        return HostTrace.FromDevice(output);
    }

    /// <summary>
    /// The row-major host trace (the JIT's code) == the device trace of the CPU accelerator with
    /// <paramref name="threads"/> workers (ILGPU's compilation of the same row writer), bit for bit, and, for a chip
    /// with a column writer, == the host backend's column-major trace; the first mismatches are reported with their events.
    /// </summary>
    public static void AssertHostEqualsDevice(
        Chip<ExecutionRecord, Program> chip, ExecutionRecord record, Func<int, string?>? describeRow = null, int threads = 0)
    {
        var host = chip.GenerateHostMainTrace(record);
        using var accelerator = Accelerators.Cpu(new CpuAcceleratorOptions { Threads = threads });
        using var stream = accelerator.CreateStream();
        using (var output = AllocatePoisoned(stream, chip.Width, host.Height))
        {
            chip.GenerateDeviceMainTrace(record, stream, output);
            TraceEquality.AssertEqual(chip.Name, host, output, describeRow);
        }

        if (chip.SupportsHostColumnTracegen)
        {
            using var columns = AllocatePoisoned(stream, chip.Width, host.Height);
            chip.GenerateMainTraceColumns(record, HostCells(columns));
            TraceEquality.AssertEqual(chip.Name + " (host columns)", host, columns, describeRow);
        }
    }

    /// <summary>The cells of a CPU-accelerator trace as host memory (device memory is host memory there).</summary>
    private static unsafe Span<KoalaBear> HostCells(DeviceMle<KoalaBear> trace) =>
        new(trace.Storage.HostPointer, checked((int)trace.Storage.Length));

    /// <summary>The chips under test plus the alu sender and a ByteLookup fed by the chips under test.</summary>
    public static Machine<ExecutionRecord, Program> Machine(params IEnumerable<Chip<ExecutionRecord, Program>> chipsUnderTest)
    {
        var chips = chipsUnderTest.ToList();
        chips.Add(new AluSenderChip(chips.OfType<AluChip>()));
        chips.Add(new ByteLookupChip(chips.OfType<IByteLookupSource>()));
        return new Machine<ExecutionRecord, Program>(chips, [new Cluster("all", [.. chips.Select(c => c.Name)])]);
    }

    /// <summary>
    /// Checks the host traces of <paramref name="record"/> (after <paramref name="corrupt"/> edits them) in
    /// <paramref name="machine"/>, each chip padded to its own power of two.
    /// </summary>
    public static CheckReport Check(Machine<ExecutionRecord, Program> machine, ExecutionRecord record, Action<IReadOnlyDictionary<string, HostTrace>>? corrupt = null)
    {
        var main = machine.Chips.Where(c => c.Included(record)).ToDictionary(c => c.Name, c => c.GenerateHostMainTrace(record), StringComparer.Ordinal);
        corrupt?.Invoke(main);
        var preprocessed = new Dictionary<string, HostTrace>(StringComparer.Ordinal) { [ByteLookupChip.ChipName] = ByteTable };
        return ConstraintChecker.Check(machine, preprocessed, [new ShardTraces(1, main, PublicValues: record.PublicValueElements())]);
    }

    /// <summary>Sets cell (row, column) of a host trace.</summary>
    public static void SetCell(HostTrace trace, int row, int column, uint canonical) =>
        trace.Values[(row * trace.Width) + column] = KoalaBear.FromCanonical(canonical);

    // Every cell starts as bits no kernel writes (not below p), so a cell a kernel forgets is a mismatch.
    public static DeviceMle<KoalaBear> AllocatePoisoned(DeviceStream stream, int width, int height)
    {
        var storage = stream.Allocate<KoalaBear>((long)width * height);
        if (storage.Length > 0)
        {
            stream.Fill32(storage, 0xffff_ffff);
        }

        return new DeviceMle<KoalaBear>(storage, width, height);
    }
}
