using StarkGpu.Engine.Air;
using StarkGpu.Fields;
using StarkGpu.Rv32im.Chips.Alu.Shared;
using StarkGpu.Rv32im.Chips.ByteLookup;
using StarkGpu.Rv32im.Elf;

namespace StarkGpu.Rv32im.Chips.Memory;

/// <summary>
/// Proves that the addresses of a table's real rows strictly increase, so that no address is initialised or
/// finalised twice. The address is four byte limbs (range-checked, the top one below
/// <see cref="AddressSpace.Limit"/> &gt;&gt; 24, so the limbs are the address's only representation below p);
/// each real row followed by a real row names the most significant byte where the two addresses differ and proves
/// with one LTU lookup that its byte is below the next row's, the bytes above being equal.
/// </summary>
/// <remarks>
/// Its seven columns, from <c>firstColumn</c>: has_next (the next row is real), first_difference[0..3] (one-hot,
/// indexed by byte, least significant first; all zero when has_next is 0), current_byte and next_byte (the two
/// compared bytes). Real rows must come first, so the chain covers every real row. The comparison is byte-wise
/// because a field difference cannot tell "larger" from "wrapped around p" for addresses up to 2^31.
/// </remarks>
public sealed class AddressOrder
{
    /// <summary>Columns the order adds to a table.</summary>
    public const int Width = 7;

    /// <summary>Exclusive bound on an address's most significant byte.</summary>
    public const uint TopByteLimit = AddressSpace.Limit >> 24;

    private const int HasNextOffset = 0;
    private const int FirstDifferenceOffset = 1;
    private const int CurrentByteOffset = 1 + WordLimbs.Count;
    private const int NextByteOffset = CurrentByteOffset + 1;

    private readonly int _address;
    private readonly int _isReal;
    private readonly int _first;

    /// <param name="addressColumn">The first of the four address limb columns.</param>
    /// <param name="isRealColumn">The table's boolean is_real column.</param>
    /// <param name="firstColumn">The first of the order's <see cref="Width"/> columns.</param>
    public AddressOrder(int addressColumn, int isRealColumn, int firstColumn)
    {
        _address = addressColumn;
        _isReal = isRealColumn;
        _first = firstColumn;
    }

    /// <summary>Column of has_next.</summary>
    public int HasNext => _first + HasNextOffset;

    /// <summary>Column of first_difference[<paramref name="limb"/>].</summary>
    public int FirstDifference(int limb) => _first + FirstDifferenceOffset + limb;

    /// <summary>Column of the current row's compared byte.</summary>
    public int CurrentByte => _first + CurrentByteOffset;

    /// <summary>Column of the next row's compared byte.</summary>
    public int NextByte => _first + NextByteOffset;

    /// <summary>The order's constraints and lookups; the range checks of the address limbs count with is_real.</summary>
    public void Eval<TExpr>(IAirBuilder<TExpr> builder)
        where TExpr : IAirExpression<TExpr>
    {
        ArgumentNullException.ThrowIfNull(builder);
        var isReal = builder.Local(_isReal);
        var hasNext = builder.Local(HasNext);
        var address = WordLimbs.Local(builder, _address);

        builder.When(builder.IsTransition).AssertEqual("has_next = next row's is_real", hasNext, builder.Next(_isReal));
        builder.When(builder.IsLastRow).AssertZero("the last row has no next row", hasNext);
        builder.When(hasNext).AssertOne("real rows come first", isReal);

        // Walking down from the most significant byte: above the flagged byte the two addresses agree, the flagged
        // bytes are the compared ones. With has_next = 0 no flag is set and nothing is compared.
        var flagged = TExpr.Zero;
        var currentByte = TExpr.Zero;
        var nextByte = TExpr.Zero;
        for (var limb = WordLimbs.Count - 1; limb >= 0; limb--)
        {
            var flag = builder.Local(FirstDifference(limb));
            var next = builder.Next(_address + limb);
            builder.AssertBool($"first_difference {limb} is boolean", flag);
            flagged += flag;
            builder.AssertZero($"address byte {limb} equal above the first difference", (hasNext - flagged) * (next - address[limb]));
            currentByte += flag * address[limb];
            nextByte += flag * next;
        }

        builder.AssertEqual("one first difference per compared pair", flagged, hasNext);
        builder.AssertEqual("current_byte is the flagged byte", builder.Local(CurrentByte), currentByte);
        builder.AssertEqual("next_byte is the next row's flagged byte", builder.Local(NextByte), nextByte);

        WordRangeCheck.Send(builder, address, isReal);
        ByteLookupBus.Send(builder, ByteOpcode.Ltu, TExpr.One, address[WordLimbs.Count - 1], TExpr.FromInt(TopByteLimit), isReal);
        ByteLookupBus.Send(builder, ByteOpcode.Ltu, TExpr.One, builder.Local(CurrentByte), builder.Local(NextByte), hasNext);
    }

    /// <summary>
    /// Writes the order's columns of a real row at <paramref name="address"/> into <paramref name="row"/> (the
    /// table's full row, given zeroed; the chip writes the address limbs and is_real itself).
    /// </summary>
    /// <param name="nextAddress">The next real row's address, or null on the last real row.</param>
    public void Write(uint address, uint? nextAddress, Span<KoalaBear> row)
    {
        if (nextAddress is not { } next)
        {
            return;
        }

        var limb = FirstDifferenceLimb(address, next);
        row[HasNext] = KoalaBear.One;
        row[FirstDifference(limb)] = KoalaBear.One;
        row[CurrentByte] = KoalaBear.FromCanonical(WordLimbs.Byte(address, limb));
        row[NextByte] = KoalaBear.FromCanonical(WordLimbs.Byte(next, limb));
    }

    /// <summary>Counts the lookups of a real row: the address's range checks, its bound, and the comparison.</summary>
    public static void Count(uint address, uint? nextAddress, ByteLookupCounter counter)
    {
        WordRangeCheck.Count(address, counter);
        counter.Add(ByteOpcode.Ltu, WordLimbs.Byte(address, WordLimbs.Count - 1), TopByteLimit);
        if (nextAddress is { } next)
        {
            var limb = FirstDifferenceLimb(address, next);
            counter.Add(ByteOpcode.Ltu, WordLimbs.Byte(address, limb), WordLimbs.Byte(next, limb));
        }
    }

    /// <summary>
    /// <paramref name="nextAddress"/> (the address on the next row, null for the last real row), once
    /// <paramref name="address"/> on row <paramref name="row"/> is known to fit the order before it.
    /// </summary>
    /// <exception cref="MemoryEventsException">The address reaches the address space limit, or the next does not exceed it.</exception>
    public static uint? CheckedNext(string chipName, uint shard, int row, uint address, uint? nextAddress) =>
        IsValid(address, nextAddress, out var problem) ? nextAddress : throw new MemoryEventsException(chipName, shard, row, problem);

    private static bool IsValid(uint address, uint? nextAddress, out string problem)
    {
        if (address >= AddressSpace.Limit)
        {
            problem = $"address 0x{address:x8} is not below the address space limit 0x{AddressSpace.Limit:x8}";
            return false;
        }

        if (nextAddress is { } next && next <= address)
        {
            problem = $"address 0x{address:x8} is followed by 0x{next:x8}: addresses must strictly increase";
            return false;
        }

        problem = string.Empty;
        return true;
    }

    // The most significant byte where two different addresses differ.
    private static int FirstDifferenceLimb(uint address, uint next)
    {
        var limb = WordLimbs.Count - 1;
        while (limb > 0 && WordLimbs.Byte(address, limb) == WordLimbs.Byte(next, limb))
        {
            limb--;
        }

        return limb;
    }
}
