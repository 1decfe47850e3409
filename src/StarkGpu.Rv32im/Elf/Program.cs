using StarkGpu.Rv32im.Isa;

namespace StarkGpu.Rv32im.Elf;

/// <summary>
/// A loaded guest program: entry point, initial memory image and its code decoded once. Immutable.
/// Instruction i sits at pc = <see cref="CodeBase"/> + 4 i; the code is not re-read from memory, so a program
/// that writes to its own code keeps executing the original instructions (as in SP1).
/// </summary>
public sealed class Program
{
    private readonly MemoryImageWord[] _image;
    private readonly Instruction[] _instructions;
    private readonly uint[] _instructionWords;

    internal Program(uint entryPc, uint codeBase, uint[] instructionWords, MemoryImageWord[] image)
    {
        EntryPc = entryPc;
        CodeBase = codeBase;
        _instructionWords = instructionWords;
        _image = image;
        _instructions = new Instruction[instructionWords.Length];
        for (int i = 0; i < instructionWords.Length; i++)
        {
            _instructions[i] = InstructionDecoder.Decode(instructionWords[i]);
        }
    }

    /// <summary>Pc of the first instruction executed.</summary>
    public uint EntryPc { get; }

    /// <summary>Pc of <see cref="Instructions"/>[0] (4-aligned start of the executable segments).</summary>
    public uint CodeBase { get; }

    /// <summary>One past the last code byte address.</summary>
    public uint CodeEnd => CodeBase + (4 * (uint)_instructions.Length);

    /// <summary>The decoded code, indexed by (pc - CodeBase) / 4 (invalid words decode to UNIMP).</summary>
    public ReadOnlySpan<Instruction> Instructions => _instructions;

    /// <summary>The raw instruction words, parallel to <see cref="Instructions"/>.</summary>
    public ReadOnlySpan<uint> InstructionWords => _instructionWords;

    /// <summary>Nonzero words of the initial memory, sorted by address (every other word starts as 0).</summary>
    public ReadOnlySpan<MemoryImageWord> Image => _image;

    internal Instruction[] InstructionArray => _instructions;

    /// <summary>True when <paramref name="pc"/> is a 4-aligned address inside the code.</summary>
    public bool ContainsPc(uint pc) => (pc & 3) == 0 && pc - CodeBase < CodeEnd - CodeBase;

    /// <summary>The raw instruction word at <paramref name="pc"/>, which must satisfy <see cref="ContainsPc"/>.</summary>
    public uint InstructionWordAt(uint pc) => _instructionWords[(pc - CodeBase) >> 2];

    /// <summary>Looks up an image word by its 4-aligned address.</summary>
    public bool TryGetImageWord(uint address, out uint value)
    {
        int lo = 0, hi = _image.Length - 1;
        while (lo <= hi)
        {
            int mid = (lo + hi) >>> 1;
            uint a = _image[mid].Address;
            if (a == address)
            {
                value = _image[mid].Value;
                return true;
            }

            if (a < address)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid - 1;
            }
        }

        value = 0;
        return false;
    }
}
