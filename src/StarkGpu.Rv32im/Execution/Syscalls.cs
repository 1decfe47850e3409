using StarkGpu.Fields;
using StarkGpu.Fields.Poseidon2;
using StarkGpu.Rv32im.Elf;
using StarkGpu.Rv32im.Isa;

namespace StarkGpu.Rv32im.Execution;

/// <summary>
/// The syscalls of DESIGN.md section 4. A syscall without a result leaves t0 unchanged (the result is the id),
/// as in SP1. Buffers are read from memory without memory events, as in SP1, except the state of POSEIDON2, whose
/// words are memory accesses (the precompile chip reads and writes them through the memory bus).
/// </summary>
internal static class Syscalls
{
    /// <summary>Largest single WRITE, to bound what a guest can make the host allocate.</summary>
    public const uint MaxWriteLength = 64u << 20;

    public static SyscallOutcome Execute<TTracer>(MachineState s, ref TTracer tracer, uint pc, uint id, uint a0, uint a1)
        where TTracer : struct, ITracer
    {
        switch (id)
        {
            case SyscallCode.Halt:
                if (s.Unconstrained)
                {
                    throw s.Error(ExecutionErrorKind.UnconstrainedMisuse, pc, "HALT inside an unconstrained block");
                }

                s.Halted = true;
                s.ExitCode = a0;
                return new SyscallOutcome(id, Halt: true);
            case SyscallCode.Write:
                Write(s, pc, a0, a1, s.Registers[Register.A2]);
                return new SyscallOutcome(id);
            case SyscallCode.EnterUnconstrained:
                if (s.Unconstrained)
                {
                    throw s.Error(ExecutionErrorKind.UnconstrainedMisuse, pc, "ENTER_UNCONSTRAINED inside an unconstrained block");
                }

                UnconstrainedBlock.Run(s, pc + 4);
                return new SyscallOutcome(0);
            case SyscallCode.ExitUnconstrained:
                return new SyscallOutcome(0, ExitBlock: s.Unconstrained);
            case SyscallCode.Commit:
                CheckDigestIndex(s, pc, a0, "COMMIT");
                s.CommittedValueDigest[(int)a0] = a1;
                return new SyscallOutcome(id);
            case SyscallCode.CommitDeferredProofs:
                CheckDigestIndex(s, pc, a0, "COMMIT_DEFERRED_PROOFS");
                s.DeferredProofsDigest[(int)a0] = a1;
                return new SyscallOutcome(id);
            case SyscallCode.HintLen:
                return new SyscallOutcome((uint)NextHint(s, pc, "HINT_LEN").Length);
            case SyscallCode.HintRead:
                HintRead(s, ref tracer, pc, a0, a1);
                return new SyscallOutcome(id);
            case SyscallCode.Poseidon2Permute:
                Poseidon2Permute(s, ref tracer, pc, a0);
                return new SyscallOutcome(id);
            default:
                throw s.Error(ExecutionErrorKind.UnknownSyscall, pc, $"unknown syscall id 0x{id:x} in t0");
        }
    }

    private static void Write(MachineState s, uint pc, uint fd, uint pointer, uint length)
    {
        List<byte>? sink = fd switch
        {
            FileDescriptor.Stdout => s.Stdout,
            FileDescriptor.Stderr => s.Stderr,
            FileDescriptor.PublicValues => s.PublicValuesStream,
            _ => null,
        };
        if (sink is null && fd != FileDescriptor.Hint)
        {
            throw s.Error(ExecutionErrorKind.InvalidSyscallArgument, pc, $"WRITE to unsupported fd {fd}");
        }

        CheckBuffer(s, pc, pointer, length, "WRITE");
        if (length > MaxWriteLength)
        {
            throw s.Error(ExecutionErrorKind.InvalidSyscallArgument, pc, $"WRITE of {length} bytes exceeds {MaxWriteLength}");
        }

        var bytes = new byte[length];
        for (uint i = 0; i < length; i++)
        {
            uint address = pointer + i;
            bytes[i] = (byte)(s.Memory.Get(address >> 2) >> (int)((address & 3) * 8));
        }

        if (sink is null)
        {
            s.Hints.Enqueue(bytes);
        }
        else
        {
            sink.AddRange(bytes);
        }
    }

    private static void HintRead<TTracer>(MachineState s, ref TTracer tracer, uint pc, uint pointer, uint length)
        where TTracer : struct, ITracer
    {
        if ((pointer & 3) != 0)
        {
            throw s.Error(ExecutionErrorKind.InvalidSyscallArgument, pc, $"HINT_READ pointer 0x{pointer:x8} is not 4-aligned");
        }

        var hint = NextHint(s, pc, "HINT_READ");
        if (hint.Length != length)
        {
            throw s.Error(
                ExecutionErrorKind.InvalidSyscallArgument, pc,
                $"HINT_READ length {length} differs from the next hint's length {hint.Length}");
        }

        CheckBuffer(s, pc, pointer, length, "HINT_READ");
        s.Hints.Dequeue();
        for (int i = 0; i < hint.Length; i += 4)
        {
            uint word = 0;
            for (int k = 0; k < 4 && i + k < hint.Length; k++)
            {
                word |= (uint)hint[i + k] << (8 * k);
            }

            uint wordIndex = (pointer + (uint)i) >> 2;
            ref uint slot = ref s.Memory.GetRef(wordIndex);
            if (!tracer.WriteHintWord(wordIndex, slot, word))
            {
                throw s.Error(
                    ExecutionErrorKind.InvalidSyscallArgument, pc,
                    $"HINT_READ into 0x{wordIndex << 2:x8}, which was already used (hints must go to fresh memory)");
            }

            slot = word;
        }
    }

    /// <summary>
    /// POSEIDON2: the 16 words at <paramref name="pointer"/> are replaced by their permutation. Every word is checked
    /// before any is written, so a word &gt;= p fails the call with memory untouched.
    /// </summary>
    private static void Poseidon2Permute<TTracer>(MachineState s, ref TTracer tracer, uint pc, uint pointer)
        where TTracer : struct, ITracer
    {
        if ((pointer & 3) != 0)
        {
            throw s.Error(ExecutionErrorKind.InvalidSyscallArgument, pc, $"POSEIDON2 pointer 0x{pointer:x8} is not 4-aligned");
        }

        const int width = Poseidon2KoalaBear16.Width;
        CheckBuffer(s, pc, pointer, width * 4, "POSEIDON2");
        Span<uint> input = stackalloc uint[width];
        Span<uint> output = stackalloc uint[width];
        Span<KoalaBear> state = stackalloc KoalaBear[width];
        uint first = pointer >> 2;
        for (var k = 0; k < width; k++)
        {
            input[k] = s.Memory.Get(first + (uint)k);
            if (input[k] >= KoalaBear.Modulus)
            {
                throw s.Error(
                    ExecutionErrorKind.InvalidSyscallArgument, pc,
                    $"POSEIDON2 word {k} at 0x{pointer + (4 * k):x8} is {input[k]}, not a field element (below p = {KoalaBear.Modulus})");
            }

            state[k] = KoalaBear.FromCanonical(input[k]);
        }

        Poseidon2KoalaBear16.PermuteAll(state, s.Poseidon2Layer);
        for (var k = 0; k < width; k++)
        {
            output[k] = state[k].Canonical;
            s.Memory.GetRef(first + (uint)k) = output[k];
        }

        tracer.Poseidon2(pointer, input, output);
    }

    private static byte[] NextHint(MachineState s, uint pc, string syscall) =>
        s.Hints.TryPeek(out var hint) ? hint
        : throw s.Error(ExecutionErrorKind.InvalidSyscallArgument, pc, $"{syscall}: no hint left");

    private static void CheckBuffer(MachineState s, uint pc, uint pointer, uint length, string syscall)
    {
        if (pointer < AddressSpace.DataStart || (ulong)pointer + length > AddressSpace.Limit)
        {
            throw s.Error(
                ExecutionErrorKind.AddressOutOfRange, pc,
                $"{syscall} buffer [0x{pointer:x8}, +{length}) is outside the guest address range");
        }
    }

    private static void CheckDigestIndex(MachineState s, uint pc, uint index, string syscall)
    {
        if (index >= Events.DigestWords.Length)
        {
            throw s.Error(ExecutionErrorKind.InvalidSyscallArgument, pc, $"{syscall} index {index} is not in 0..7");
        }
    }
}
