using System.Runtime.CompilerServices;
using StarkGpu.Rv32im.Elf;
using StarkGpu.Rv32im.Events;
using StarkGpu.Rv32im.Isa;

namespace StarkGpu.Rv32im.Execution;

/// <summary>
/// Builds one <see cref="ExecutionRecord"/> per shard while the interpreter runs: the current CpuEvent is filled in
/// place, every register and memory access is stamped with (shard, timestamp) so its previous access can be named,
/// and the first access of each address in a shard opens that address's <see cref="MemoryLocalEvent"/>.
/// </summary>
internal sealed class ShardRecorder
{
    private readonly MachineState _state;
    private readonly Instruction[] _code;
    private readonly int _shardSize;
    private readonly IShardSink _sink;
    private readonly AccessStamp[] _registerStamps = new AccessStamp[32];
    private readonly PagedTable<AccessStamp> _memoryStamps = new();
    private readonly Dictionary<uint, uint> _hintInitialValues = [];
    private ExecutionRecord _record;
    private CpuEvent _event;
    private uint _shard = 1;
    private uint _clk;

    public ShardRecorder(MachineState state, int shardSize, IShardSink sink)
    {
        _state = state;
        _code = state.Program.InstructionArray;
        _shardSize = shardSize;
        _sink = sink;
        _record = OpenShard(state.Pc);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void BeginCycle(uint pc, int instructionIndex)
    {
        ref readonly Instruction ins = ref _code[instructionIndex];
        _event = default;
        _event.Shard = _shard;
        _event.Clk = _clk;
        _event.Pc = pc;
        _event.Opcode = ins.Opcode;
        _event.OpA = ins.OpA;
        _event.ImmB = ins.ImmB;
        _event.ImmC = ins.ImmC;
        _event.OpB = ins.OpB;
        _event.OpC = ins.OpC;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void ReadRegister(uint position, uint register, uint value)
    {
        ref MemoryAccessRecord record = ref position == MemoryAccessPosition.B ? ref _event.BRecord
            : ref position == MemoryAccessPosition.C ? ref _event.CRecord : ref _event.ARecord;
        Access(ref _registerStamps[register], register, value, value, _clk + position, ref record);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void WriteRegister(uint register, uint previous, uint value) =>
        Access(ref _registerStamps[register], register, previous, value, _clk + MemoryAccessPosition.A, ref _event.ARecord);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void AccessMemory(uint wordIndex, uint previous, uint value) =>
        Access(ref _memoryStamps.GetRef(wordIndex), wordIndex << 2, previous, value, _clk + MemoryAccessPosition.Memory, ref _event.MemoryRecord);

    /// <summary>HINT_READ: the word becomes the address's initial value; it must never have been used.</summary>
    public bool InitializeWithHint(uint wordIndex, uint value)
    {
        uint address = wordIndex << 2;
        if (_memoryStamps.Get(wordIndex).Shard != 0 || _state.Program.TryGetImageWord(address, out _)
            || !_hintInitialValues.TryAdd(address, value))
        {
            return false;
        }

        return true;
    }

    /// <summary>
    /// A Poseidon2 call: its event and one access per state word at the ECALL's memory timestamp (distinct
    /// addresses, so each still has strictly increasing timestamps), opening local memory events like any access.
    /// </summary>
    public void Poseidon2(uint pointer, ReadOnlySpan<uint> input, ReadOnlySpan<uint> output)
    {
        ref var call = ref _record.Poseidon2.AddRef();
        call.Shard = _shard;
        call.Clk = _clk;
        call.Pointer = pointer;
        for (var k = 0; k < input.Length; k++)
        {
            uint wordIndex = (pointer >> 2) + (uint)k;
            ref var record = ref _record.Poseidon2Memory.AddRef();
            Access(ref _memoryStamps.GetRef(wordIndex), wordIndex << 2, input[k], output[k], _clk + MemoryAccessPosition.Memory, ref record);
        }
    }

    public void Syscall(uint id, uint arg1, uint arg2) =>
        _record.Syscalls.Add(new SyscallEvent { Shard = _shard, Clk = _clk, SyscallId = id, Arg1 = arg1, Arg2 = arg2 });

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void EndCycle(uint nextPc, uint a, uint b, uint c, uint memoryAddress)
    {
        _event.NextPc = nextPc;
        _event.A = a;
        _event.B = b;
        _event.C = c;
        _event.MemoryAddress = memoryAddress;
        _record.Cpu.Add(in _event);
        if (OpcodeClass.IsAlu(_event.Opcode))
        {
            if (_event.OpA != 0)
            {
                AluList(_event.Opcode).Add(new AluEvent { Pc = _event.Pc, Opcode = _event.Opcode, A = a, B = b, C = c });
            }
        }
        else
        {
            ControlFlowEvents(nextPc, a, b, c);
        }

        _clk += MemoryAccessPosition.CyclesPerInstruction;
        if (_record.Cpu.Count == _shardSize && !_state.Halted)
        {
            CloseShard(nextPc);
            _sink.Emit(_record);
            _shard++;
            _clk = 0;
            _record = OpenShard(nextPc);
        }
    }

    /// <summary>After HALT: closes the last shard with the global memory events and hands it to the sink.</summary>
    public void Finish()
    {
        _record.PublicValues.ExitCode = _state.ExitCode;
        _record.PublicValues.IsLastShard = 1;
        CloseShard(0);
        MemoryBoundary.Emit(_state, _registerStamps, _memoryStamps, _hintInitialValues, _record);
        _sink.Emit(_record);
    }

    /// <summary>Releases the record being recorded when the run fails (those already emitted belong to the sink).</summary>
    public void DisposeOpen() => _record.Dispose();

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void Access(ref AccessStamp stamp, uint address, uint previous, uint value, uint timestamp, ref MemoryAccessRecord record)
    {
        record.Value = value;
        record.PrevValue = previous;
        record.PrevShard = stamp.Shard;
        record.PrevTimestamp = stamp.Timestamp;
        if (stamp.Shard != _shard)
        {
            ref var local = ref _record.MemoryLocal.AddRef();
            local.Address = address;
            local.Initial = new MemoryState { Shard = stamp.Shard, Timestamp = stamp.Timestamp, Value = previous };
        }

        stamp.Shard = _shard;
        stamp.Timestamp = timestamp;
    }

    /// <summary>
    /// The ALU events the Cpu chip sends for control flow (CpuControlFlow), as SP1 v3 emits them: a branch's
    /// comparison (BLT/BGE as SLT, BLTU/BGEU as SLTU of a and b; BEQ/BNE compare in Cpu columns) and, when taken,
    /// its target pc + c; JAL's target pc + b and JALR's b + c; the link pc + 4 and AUIPC's pc + b unless rd is x0.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void ControlFlowEvents(uint nextPc, uint a, uint b, uint c)
    {
        uint pc = _event.Pc;
        switch (_event.Opcode)
        {
            case Opcode.Blt or Opcode.Bge or Opcode.Bltu or Opcode.Bgeu:
                bool signed = _event.Opcode is Opcode.Blt or Opcode.Bge;
                bool less = signed ? (int)a < (int)b : a < b;
                _record.Lt.Add(new AluEvent { Pc = pc, Opcode = signed ? Opcode.Slt : Opcode.Sltu, A = less ? 1u : 0u, B = a, C = b });
                AddBranchTarget(less != (_event.Opcode is Opcode.Bge or Opcode.Bgeu), nextPc, c);
                break;
            case Opcode.Beq or Opcode.Bne:
                AddBranchTarget((a == b) == (_event.Opcode == Opcode.Beq), nextPc, c);
                break;
            case Opcode.Jal:
                AddSum(nextPc, pc, b);
                AddLink();
                break;
            case Opcode.Jalr:
                AddSum(b + c, b, c);
                AddLink();
                break;
            case Opcode.Auipc when _event.OpA != 0:
                AddSum(a, pc, b);
                break;
        }
    }

    // A taken branch's next pc is pc + c (the interpreter's); the Cpu row sends that sum exactly when taken.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void AddBranchTarget(bool taken, uint nextPc, uint c)
    {
        if (taken)
        {
            AddSum(nextPc, _event.Pc, c);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void AddLink()
    {
        if (_event.OpA != 0)
        {
            AddSum(_event.Pc + 4, _event.Pc, 4);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void AddSum(uint sum, uint b, uint c) =>
        _record.AddSub.Add(new AluEvent { Pc = _event.Pc, Opcode = Opcode.Add, A = sum, B = b, C = c });

    private EventList<AluEvent> AluList(Opcode opcode) => opcode switch
    {
        Opcode.Add or Opcode.Sub => _record.AddSub,
        Opcode.Xor or Opcode.Or or Opcode.And => _record.Bitwise,
        Opcode.Slt or Opcode.Sltu => _record.Lt,
        Opcode.Sll => _record.ShiftLeft,
        Opcode.Srl or Opcode.Sra => _record.ShiftRight,
        Opcode.Mul or Opcode.Mulh or Opcode.Mulhu or Opcode.Mulhsu => _record.Mul,
        _ => _record.DivRem,
    };

    private ExecutionRecord OpenShard(uint startPc)
    {
        _sink.WaitForRoom(_shard);
        var record = new ExecutionRecord(_shard, _shardSize);
        record.PublicValues.StartPc = startPc;
        return record;
    }

    /// <summary>
    /// Completes the local memory events with each address's last access in the shard, sorted by address, and the
    /// public values known when the shard closes. The digests are those of the COMMIT calls so far (SP1's rule: zero
    /// until the guest commits, then the committed words): a streamed shard is gone before the run's end.
    /// </summary>
    private void CloseShard(uint nextPc)
    {
        foreach (ref var local in _record.MemoryLocal.WritableSpan)
        {
            uint address = local.Address;
            bool isRegister = address < AddressSpace.DataStart; // registers are addresses 0..31
            var stamp = isRegister ? _registerStamps[address] : _memoryStamps.Get(address >> 2);
            uint value = isRegister ? _state.Registers[address] : _state.Memory.Get(address >> 2);
            local.Final = new MemoryState { Shard = stamp.Shard, Timestamp = stamp.Timestamp, Value = value };
        }

        _record.MemoryLocal.WritableSpan.Sort(static (x, y) => x.Address.CompareTo(y.Address));
        _record.PublicValues.NextPc = nextPc;
        _record.PublicValues.CommittedValueDigest = _state.CommittedValueDigest;
        _record.PublicValues.DeferredProofsDigest = _state.DeferredProofsDigest;
    }
}
