using StarkGpu.Device;
using StarkGpu.Rv32im.Chips;
using StarkGpu.Rv32im.Chips.ByteLookup;
using StarkGpu.Rv32im.Events;

namespace StarkGpu.Rv32im.Tests.Chips.Support;

/// <summary>
/// A test source of byte lookups given as a list, counted on the host and, if <paramref name="onDevice"/>, by the
/// <c>bytelookup_count_listed</c> kernel: exercises ByteLookup's mixed host/device counting and its range errors.
/// </summary>
public sealed class ListedByteLookups(string name, bool onDevice, params (ByteOpcode Op, uint B, uint C)[] lookups) : IByteLookupSource
{
    public string Name => name;

    public bool SupportsDeviceByteLookupCounting => onDevice;

    public bool Included(ExecutionRecord record) => lookups.Length > 0;

    public void CountByteLookups(ExecutionRecord record, ByteLookupCounter counter)
    {
        foreach (var (op, b, c) in lookups)
        {
            counter.Add(op, b, c);
        }
    }

    public void CountByteLookupsOnDevice(ExecutionRecord record, DeviceStream stream, ByteLookupDeviceCounts counts)
    {
        var triples = lookups.SelectMany(l => new[] { (uint)l.Op, l.B, l.C }).ToArray();
        using var listed = stream.Upload<uint>(triples);
        stream.Launch(ByteLookupKernels.CountListed, lookups.Length, listed, (long)lookups.Length, counts.Counts, counts.Errors);
    }
}
