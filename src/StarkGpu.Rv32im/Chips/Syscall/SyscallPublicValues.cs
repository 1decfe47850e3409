using StarkGpu.Engine.Air;
using StarkGpu.Fields;
using StarkGpu.Rv32im.Events;
using StarkGpu.Rv32im.Execution;
using static StarkGpu.Rv32im.Chips.Syscall.SyscallColumns;

namespace StarkGpu.Rv32im.Chips.Syscall;

/// <summary>
/// The syscalls whose arguments are public values, as SP1 v3 constrains them on its ECALL row: HALT's a0 is the
/// exit code, and COMMIT's (COMMIT_DEFERRED_PROOFS') a1 is word a0 of the committed (deferred-proofs) digest.
/// Each syscall is recognised by is_x = is_real * [syscall_id == x], an inverse column proving the id differs
/// elsewhere; the index a0 is one-hot in eight boolean columns. A shard's digests are those at its close, so (as
/// in SP1) a guest commits each word once.
/// </summary>
internal static class SyscallPublicValues
{
    public static void Eval<TExpr>(IAirBuilder<TExpr> builder, TExpr isReal, TExpr syscallId)
        where TExpr : IAirExpression<TExpr>
    {
        var isHalt = SyscallIdTest.Eval(builder, "is_halt", isReal, syscallId, SyscallCode.Halt, IsHalt, HaltInverse);
        var isCommit = SyscallIdTest.Eval(builder, "is_commit", isReal, syscallId, SyscallCode.Commit, IsCommit, CommitInverse);
        var isDeferred = SyscallIdTest.Eval(builder, "is_commit_deferred", isReal, syscallId, SyscallCode.CommitDeferredProofs, IsCommitDeferred, CommitDeferredInverse);
        var a0 = builder.Local(Arg1);
        var a1 = builder.Local(Arg2);

        builder.When(isHalt).AssertEqual("halt: a0 is the public exit code", a0, builder.PublicValue(PublicValueIndex.ExitCode));

        // One of the eight bits on a commit row, at position a0 (so a0 is an index 0..7).
        var bits = TExpr.Zero;
        var index = TExpr.Zero;
        for (var i = 0; i < DigestWords.Length; i++)
        {
            var bit = builder.Local(DigestIndex + i);
            builder.AssertBool($"index_bit{i} is boolean", bit);
            bits += bit;
            index += TExpr.FromInt(i) * bit;
        }

        var commits = builder.When(isCommit + isDeferred);
        commits.AssertOne("commit: one index bit", bits);
        commits.AssertEqual("commit: the index bits are a0", index, a0);
        for (var i = 0; i < DigestWords.Length; i++)
        {
            var bit = builder.Local(DigestIndex + i);
            builder.When(isCommit * bit).AssertEqual(
                $"commit: a1 is committed digest word {i}", a1, builder.PublicValue(PublicValueIndex.CommittedValueDigest + i));
            builder.When(isDeferred * bit).AssertEqual(
                $"commit_deferred_proofs: a1 is deferred digest word {i}", a1, builder.PublicValue(PublicValueIndex.DeferredProofsDigest + i));
        }
    }

    /// <summary>Writes the columns above for a row whose bus tuple and is_real are already written.</summary>
    public static void Write(in SyscallEvent syscall, Span<KoalaBear> row)
    {
        var id = row[SyscallId];
        SyscallIdTest.Write(row, id, SyscallCode.Halt, IsHalt, HaltInverse);
        SyscallIdTest.Write(row, id, SyscallCode.Commit, IsCommit, CommitInverse);
        SyscallIdTest.Write(row, id, SyscallCode.CommitDeferredProofs, IsCommitDeferred, CommitDeferredInverse);
        var isDigest = syscall.SyscallId is SyscallCode.Commit or SyscallCode.CommitDeferredProofs;
        for (var i = 0; i < DigestWords.Length; i++)
        {
            row[DigestIndex + i] = isDigest && syscall.Arg1 == (uint)i ? KoalaBear.One : KoalaBear.Zero;
        }
    }
}
