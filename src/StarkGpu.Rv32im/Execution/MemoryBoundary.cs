using StarkGpu.Rv32im.Elf;
using StarkGpu.Rv32im.Events;

namespace StarkGpu.Rv32im.Execution;

/// <summary>
/// The global memory events of a run: an initialize event for every touched address outside the program image,
/// a finalize event for every touched or image address, both sorted by address.
/// </summary>
internal static class MemoryBoundary
{
    public static void Emit(
        MachineState state,
        AccessStamp[] registerStamps,
        PagedTable<AccessStamp> memoryStamps,
        Dictionary<uint, uint> hintInitialValues,
        ExecutionRecord record)
    {
        var addresses = new List<uint>();
        for (uint r = 0; r < registerStamps.Length; r++)
        {
            if (registerStamps[r].Shard != 0)
            {
                addresses.Add(r);
            }
        }

        memoryStamps.ForEachAllocated((wordIndex, stamp) =>
        {
            if (stamp.Shard != 0)
            {
                addresses.Add(wordIndex << 2);
            }
        });
        foreach (var word in state.Program.Image)
        {
            addresses.Add(word.Address);
        }

        addresses.AddRange(hintInitialValues.Keys);
        addresses.Sort();

        uint? last = null;
        foreach (uint address in addresses)
        {
            if (address == last)
            {
                continue;
            }

            last = address;
            bool isRegister = address < AddressSpace.DataStart;
            var stamp = isRegister ? registerStamps[address] : memoryStamps.Get(address >> 2);
            uint value = isRegister ? state.Registers[address] : state.Memory.Get(address >> 2);
            if (isRegister || !state.Program.TryGetImageWord(address, out _))
            {
                record.MemoryInitialize.Add(new MemoryInitializeEvent
                {
                    Address = address,
                    Value = isRegister ? 0 : hintInitialValues.GetValueOrDefault(address),
                });
            }

            record.MemoryFinalize.Add(new MemoryFinalizeEvent
            {
                Address = address,
                Value = value,
                Shard = stamp.Shard,
                Timestamp = stamp.Timestamp,
            });
        }
    }
}
