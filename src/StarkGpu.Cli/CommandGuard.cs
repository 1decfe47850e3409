using StarkGpu.Device;
using StarkGpu.Engine.Scheduling;
using StarkGpu.Rv32im.Execution;
using StarkGpu.Rv32im.Sharding;

namespace StarkGpu.Cli;

/// <summary>Maps the failures a command may meet to an exit code and one line on stderr.</summary>
internal static class CommandGuard
{
    public static int Run(string command, Func<int> body)
    {
        try
        {
            return body();
        }
        catch (BadInputException e)
        {
            Console.Error.WriteLine($"{command}: {e.Message}");
            return ExitCodes.BadInput;
        }
        catch (ExecutionException e) when (e.Kind is ExecutionErrorKind.CycleLimit)
        {
            Console.Error.WriteLine($"{command}: {e.Message}");
            return ExitCodes.BadInput;
        }
        catch (ExecutionException e)
        {
            Console.Error.WriteLine($"{command}: the guest failed: {e.Message}");
            return e.Kind is ExecutionErrorKind.InvalidInstruction or ExecutionErrorKind.UnknownSyscall ? ExitCodes.BadInput : ExitCodes.Failed;
        }
        catch (TraceTooTallException e)
        {
            var neededLog = (int)Math.Ceiling(Math.Log2(e.Rows));
            var shard = ShardSizing.ShrinksWithShard(e.ChipName ?? string.Empty)
                ? $" or --shard-cycles {ShardSizing.MaxShardCycles(Math.Max(e.MaxLogRowCount, ShardSizing.MinLogRows)):N0} (the most that fit 2^{e.MaxLogRowCount} rows)"
                : " (its height follows from the program and the memory it touches, not from the shard size)";
            Console.Error.WriteLine(
                $"{command}: chip {e.ChipName} has a trace of {e.Rows:N0} rows, more than 2^{e.MaxLogRowCount} = {1L << e.MaxLogRowCount:N0} " +
                $"(--max-log-rows {e.MaxLogRowCount}): give --max-log-rows {neededLog}{shard}");
            return ExitCodes.BadInput;
        }
        catch (TraceGenerationException e)
        {
            // Not bad input: the machine failed a trace (a kernel that does not compile, a device error). One line,
            // with the cause, as for every other failure.
            Console.Error.WriteLine($"{command}: {e.Message}{(e.InnerException is { } inner ? $" ({inner.GetType().Name}: {inner.Message})" : string.Empty)}");
            return ExitCodes.Failed;
        }
        catch (DeviceException e)
        {
            Console.Error.WriteLine($"{command}: {e.Message}");
            return ExitCodes.BadInput;
        }
    }
}
