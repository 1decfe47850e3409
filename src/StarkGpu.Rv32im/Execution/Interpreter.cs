using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using StarkGpu.Rv32im.Elf;
using StarkGpu.Rv32im.Events;
using StarkGpu.Rv32im.Isa;

namespace StarkGpu.Rv32im.Execution;

/// <summary>
/// The RV32IM fetch-execute loop, specialised per tracer. Runs until HALT, or in an unconstrained block until
/// EXIT_UNCONSTRAINED. Operand values follow SP1's form: b and c are read (register or immediate), a is written
/// (or read, for stores and branches).
/// </summary>
internal sealed class Interpreter<TTracer>(MachineState state, TTracer tracer)
    where TTracer : struct, ITracer
{
    private readonly MachineState _state = state;
    private readonly Instruction[] _code = state.Program.InstructionArray;
    private readonly uint _codeBase = state.Program.CodeBase;
    private readonly uint[] _registers = state.Registers;
    private readonly PagedTable<uint> _memory = state.Memory;
    private TTracer _tracer = tracer;

    /// <summary>Runs from <see cref="MachineState.Pc"/>; returns when halted or when the unconstrained block exits.</summary>
    public void Run()
    {
        uint pc = _state.Pc;
        ulong steps = _state.Steps;
        ulong maxSteps = _state.MaxCycles;
        uint codeSize = (uint)_code.Length;
        ref Instruction code0 = ref MemoryMarshal.GetArrayDataReference(_code);
        while (true)
        {
            uint index = (pc - _codeBase) >> 2;
            if (index >= codeSize || (pc & 3) != 0)
            {
                throw PcOutOfRange(pc, steps);
            }

            if (steps >= maxSteps)
            {
                _state.Steps = steps;
                throw _state.Error(ExecutionErrorKind.CycleLimit, pc, $"cycle limit {maxSteps} reached");
            }

            ref readonly Instruction ins = ref Unsafe.Add(ref code0, index);
            _tracer.BeginCycle(pc, (int)index);
            // c before b: accesses to one register must happen in timestamp order (C = clk + 1 < B = clk + 2).
            uint c = ins.ImmC ? ins.OpC : ReadRegister(MemoryAccessPosition.C, ins.OpC);
            uint b = ins.ImmB ? ins.OpB : ReadRegister(MemoryAccessPosition.B, ins.OpB);
            uint a = 0, memoryAddress = 0, nextPc = pc + 4;
            steps++;
            switch (ins.Opcode)
            {
                case Opcode.Add: a = WriteA(ins.OpA, b + c); break;
                case Opcode.Sub: a = WriteA(ins.OpA, b - c); break;
                case Opcode.Xor: a = WriteA(ins.OpA, b ^ c); break;
                case Opcode.Or: a = WriteA(ins.OpA, b | c); break;
                case Opcode.And: a = WriteA(ins.OpA, b & c); break;
                case Opcode.Sll: a = WriteA(ins.OpA, b << (int)(c & 31)); break;
                case Opcode.Srl: a = WriteA(ins.OpA, b >> (int)(c & 31)); break;
                case Opcode.Sra: a = WriteA(ins.OpA, (uint)((int)b >> (int)(c & 31))); break;
                case Opcode.Slt: a = WriteA(ins.OpA, (int)b < (int)c ? 1u : 0u); break;
                case Opcode.Sltu: a = WriteA(ins.OpA, b < c ? 1u : 0u); break;
                case Opcode.Mul: a = WriteA(ins.OpA, b * c); break;
                case Opcode.Mulh: a = WriteA(ins.OpA, (uint)(((long)(int)b * (int)c) >> 32)); break;
                case Opcode.Mulhu: a = WriteA(ins.OpA, (uint)(((ulong)b * c) >> 32)); break;
                case Opcode.Mulhsu: a = WriteA(ins.OpA, (uint)(((long)(int)b * (long)c) >> 32)); break;
                case Opcode.Div: a = WriteA(ins.OpA, Division.Div(b, c)); break;
                case Opcode.Divu: a = WriteA(ins.OpA, Division.Divu(b, c)); break;
                case Opcode.Rem: a = WriteA(ins.OpA, Division.Rem(b, c)); break;
                case Opcode.Remu: a = WriteA(ins.OpA, Division.Remu(b, c)); break;
                case Opcode.Lb:
                case Opcode.Lh:
                case Opcode.Lw:
                case Opcode.Lbu:
                case Opcode.Lhu:
                    memoryAddress = b + c;
                    a = WriteA(ins.OpA, Load(ins.Opcode, memoryAddress, pc, steps));
                    break;
                case Opcode.Sb:
                case Opcode.Sh:
                case Opcode.Sw:
                    memoryAddress = b + c;
                    a = ReadRegister(MemoryAccessPosition.A, ins.OpA);
                    Store(ins.Opcode, memoryAddress, a, pc, steps);
                    break;
                case Opcode.Beq:
                case Opcode.Bne:
                case Opcode.Blt:
                case Opcode.Bge:
                case Opcode.Bltu:
                case Opcode.Bgeu:
                    a = ReadRegister(MemoryAccessPosition.A, ins.OpA);
                    if (BranchTaken(ins.Opcode, a, b))
                    {
                        nextPc = JumpTarget(pc + c, pc, steps);
                    }

                    break;
                case Opcode.Jal:
                    a = WriteA(ins.OpA, pc + 4);
                    nextPc = JumpTarget(pc + b, pc, steps);
                    break;
                case Opcode.Jalr:
                    a = WriteA(ins.OpA, pc + 4);
                    nextPc = JumpTarget((b + c) & ~1u, pc, steps);
                    break;
                case Opcode.Auipc: a = WriteA(ins.OpA, pc + b); break;
                case Opcode.Ecall:
                {
                    _state.Steps = steps - 1;
                    _state.Pc = pc;
                    uint id = _registers[Register.T0];
                    _tracer.Syscall(id, b, c);
                    var outcome = Syscalls.Execute(_state, ref _tracer, pc, id, b, c);
                    steps = _state.Steps + 1;
                    _state.Steps = steps;
                    a = WriteA(Register.T0, outcome.Result);
                    if (outcome.Halt)
                    {
                        _tracer.EndCycle(0, a, b, c, 0);
                        _state.Pc = 0;
                        return;
                    }

                    if (outcome.ExitBlock)
                    {
                        return;
                    }

                    break;
                }

                case Opcode.Ebreak:
                    _state.Steps = steps - 1;
                    throw _state.Error(ExecutionErrorKind.Breakpoint, pc, "EBREAK executed");
                default:
                    _state.Steps = steps - 1;
                    throw _state.Error(
                        ExecutionErrorKind.InvalidInstruction, pc, $"0x{_state.Program.InstructionWordAt(pc):x8} is not an RV32IM instruction");
            }

            _tracer.EndCycle(nextPc, a, b, c, memoryAddress);
            pc = nextPc;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private uint ReadRegister(uint position, uint register)
    {
        uint value = Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(_registers), register);
        _tracer.ReadRegister(position, register, value);
        return value;
    }

    /// <summary>Writes op_a; x0 stays 0 and the value recorded (and returned as a) is then 0.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private uint WriteA(uint register, uint value)
    {
        ref uint slot = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(_registers), register);
        uint previous = slot;
        if (register == 0)
        {
            value = 0;
        }

        slot = value;
        _tracer.WriteRegister(register, previous, value);
        return value;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private uint Load(Opcode opcode, uint address, uint pc, ulong steps)
    {
        uint size = opcode switch { Opcode.Lw => 4u, Opcode.Lh or Opcode.Lhu => 2u, _ => 1u };
        CheckAccess(address, size, pc, steps);
        uint wordIndex = address >> 2;
        uint word = _memory.Get(wordIndex);
        _tracer.ReadMemory(wordIndex, word);
        int shift = (int)(address & 3) * 8;
        return opcode switch
        {
            Opcode.Lw => word,
            Opcode.Lh => (uint)(short)(word >> shift),
            Opcode.Lhu => (word >> shift) & 0xFFFF,
            Opcode.Lb => (uint)(sbyte)(word >> shift),
            _ => (word >> shift) & 0xFF,
        };
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void Store(Opcode opcode, uint address, uint value, uint pc, ulong steps)
    {
        uint size = opcode switch { Opcode.Sw => 4u, Opcode.Sh => 2u, _ => 1u };
        CheckAccess(address, size, pc, steps);
        uint wordIndex = address >> 2;
        ref uint slot = ref _memory.GetRef(wordIndex);
        uint previous = slot;
        int shift = (int)(address & 3) * 8;
        uint mask = size == 4 ? 0xFFFF_FFFFu : ((1u << (int)(8 * size)) - 1) << shift;
        slot = (previous & ~mask) | ((value << shift) & mask);
        _tracer.WriteMemory(wordIndex, previous, slot);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void CheckAccess(uint address, uint size, uint pc, ulong steps)
    {
        if ((address & (size - 1)) != 0)
        {
            _state.Steps = steps - 1;
            throw _state.Error(ExecutionErrorKind.MisalignedAccess, pc, $"{size}-byte access at 0x{address:x8} is not {size}-aligned");
        }

        if (address - AddressSpace.DataStart >= AddressSpace.Limit - AddressSpace.DataStart)
        {
            _state.Steps = steps - 1;
            throw _state.Error(
                ExecutionErrorKind.AddressOutOfRange, pc,
                $"access at 0x{address:x8} is outside [0x{AddressSpace.DataStart:x}, 0x{AddressSpace.Limit:x})");
        }
    }

    private static bool BranchTaken(Opcode opcode, uint a, uint b) => opcode switch
    {
        Opcode.Beq => a == b,
        Opcode.Bne => a != b,
        Opcode.Blt => (int)a < (int)b,
        Opcode.Bge => (int)a >= (int)b,
        Opcode.Bltu => a < b,
        _ => a >= b,
    };

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private uint JumpTarget(uint target, uint pc, ulong steps)
    {
        if ((target & 3) != 0)
        {
            _state.Steps = steps - 1;
            throw _state.Error(ExecutionErrorKind.MisalignedJump, pc, $"jump target 0x{target:x8} is not 4-aligned");
        }

        return target;
    }

    private ExecutionException PcOutOfRange(uint pc, ulong steps)
    {
        _state.Steps = steps;
        var program = _state.Program;
        return _state.Error(
            ExecutionErrorKind.PcOutOfRange, pc,
            $"pc is outside the program's code [0x{program.CodeBase:x8}, 0x{program.CodeEnd:x8}) or not 4-aligned");
    }
}
