using System.CommandLine;
using StarkGpu.Cli.Rv32im;
using StarkGpu.Rv32im.Events;
using StarkGpu.Rv32im.Execution;

namespace StarkGpu.Cli.Commands;

/// <summary><c>stark-gpu run PROGRAM.elf</c>: executes a guest, passing its output through.</summary>
internal static class RunCommand
{
    public static Command Create()
    {
        var program = new Argument<string>("program") { Description = "RV32IM ELF executable" };
        var hints = new Option<string[]>("--hint") { Description = "A file whose bytes are the next hint (repeatable)", AllowMultipleArgumentsPerToken = false };
        var maxCycles = new Option<ulong?>("--max-cycles") { Description = "Stop with an error after this many instructions" };
        var json = new Option<string?>("--json") { Description = "Write {program, exitCode, cycles, shards, publicValues, committed, stdout, stderr} to this file" };
        var command = new Command("run", "Execute a guest program; prints its exit code, cycles, shards and public values.") { program, hints, maxCycles, json };
        command.SetAction(parse => CommandGuard.Run("run", () => Run(
            parse.GetValue(program)!, parse.GetValue(hints) ?? [], parse.GetValue(maxCycles), parse.GetValue(json))));
        return command;
    }

    private static int Run(string path, string[] hintPaths, ulong? maxCycles, string? jsonPath)
    {
        JsonReport.CheckWritable(jsonPath);
        var program = GuestProgram.Load(path);
        var options = new ExecutionOptions
        {
            Mode = ExecutionMode.Fast,
            Hints = GuestProgram.LoadHints(hintPaths),
            MaxCycles = maxCycles ?? new ExecutionOptions().MaxCycles,
        };
        using var result = Executor.Execute(program, options);
        using (var stdout = Console.OpenStandardOutput())
        {
            stdout.Write([.. result.Stdout]);
        }

        using (var stderr = Console.OpenStandardError())
        {
            stderr.Write([.. result.Stderr]);
        }

        var committed = Committed(result.CommittedValueDigest);
        Console.WriteLine($"exit code {result.ExitCode}, {result.Cycles:N0} cycles, {result.ShardCount} shards");
        Console.WriteLine($"public values: {JsonReport.Hex(result.PublicValuesStream)}");
        Console.WriteLine($"committed: {string.Join(' ', committed.Select(w => w.ToString("x8", CultureInfo.InvariantCulture)))}");
        if (jsonPath is not null)
        {
            JsonReport.Write(jsonPath, json =>
            {
                json.WriteString("program", path);
                json.WriteNumber("exitCode", result.ExitCode);
                json.WriteNumber("cycles", result.Cycles);
                json.WriteNumber("shards", result.ShardCount);
                json.WriteString("publicValues", JsonReport.Hex(result.PublicValuesStream));
                json.WriteStartArray("committed");
                foreach (var word in committed)
                {
                    json.WriteNumberValue(word);
                }

                json.WriteEndArray();
                json.WriteString("stdout", result.StdoutText);
                json.WriteString("stderr", System.Text.Encoding.UTF8.GetString([.. result.Stderr]));
            });
        }

        return result.ExitCode == 0 ? ExitCodes.Success : ExitCodes.Failed;
    }

    internal static uint[] Committed(DigestWords words)
    {
        var values = new uint[DigestWords.Length];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = words[i];
        }

        return values;
    }
}
