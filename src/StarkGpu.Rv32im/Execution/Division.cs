namespace StarkGpu.Rv32im.Execution;

/// <summary>RISC-V M division: no traps. x / 0 = all ones, x % 0 = x; INT_MIN / -1 = INT_MIN, INT_MIN % -1 = 0.</summary>
internal static class Division
{
    public static uint Div(uint b, uint c) =>
        c == 0 ? uint.MaxValue
        : b == 0x8000_0000 && c == uint.MaxValue ? b
        : (uint)((int)b / (int)c);

    public static uint Divu(uint b, uint c) => c == 0 ? uint.MaxValue : b / c;

    public static uint Rem(uint b, uint c) =>
        c == 0 ? b
        : b == 0x8000_0000 && c == uint.MaxValue ? 0
        : (uint)((int)b % (int)c);

    public static uint Remu(uint b, uint c) => c == 0 ? b : b % c;
}
