using System.CommandLine;
using Spectre.Console;
using StarkGpu.Device;
using StarkGpu.Device.SelfTest;

namespace StarkGpu.Cli.Commands;

/// <summary>
/// <c>stark-gpu selftest</c>: every kernel against its C# reference, then the engine scenarios, on the
/// chosen backend, with fresh random inputs each run. The command that validates a GPU machine.
/// </summary>
internal static class SelfTestCommand
{
    public static Command Create()
    {
        var backend = BackendOption.Create("cpu", "cpu", "cuda");
        var seed = new Option<int?>("--seed") { Description = "Seed for the random inputs (default: fresh each run)" };
        var command = new Command("selftest", "Run the kernels and engine scenarios against their C# references; the last line reads `selftest: N passed, N failed`.")
        {
            backend,
            seed,
        };
        command.SetAction(parse => Run(parse.GetValue(backend)!, parse.GetValue(seed)));
        return command;
    }

    private static int Run(string backend, int? seedOption)
    {
        Accelerator accelerator;
        try
        {
            accelerator = BackendOption.OpenAccelerator(backend);
        }
        catch (DeviceException e)
        {
            Console.Error.WriteLine($"selftest: backend {backend} is unavailable: {e.Message}");
            Console.WriteLine("selftest: 0 passed, 1 failed");
            return ExitCodes.Failed;
        }

        using (accelerator)
        {
            var seed = seedOption ?? Random.Shared.Next();
            Console.WriteLine($"selftest on {accelerator} (seed {seed})");
            var table = new Table().AddColumns("check", "result", "ms", "detail");
            int passed = 0, failed = 0;
            foreach (var result in SelfTestRunner.Run(SelfTestCatalog.All, accelerator, seed))
            {
                _ = result.Passed ? passed++ : failed++;
                table.AddRow(
                    Markup.Escape(result.Name),
                    result.Passed ? "[green]pass[/]" : "[red]FAIL[/]",
                    result.Elapsed.TotalMilliseconds.ToString("F1", CultureInfo.InvariantCulture),
                    Markup.Escape(result.Detail));
            }

            AnsiConsole.Write(table);
            Console.WriteLine($"device memory: {accelerator.Ledger}");
            Console.WriteLine($"selftest: {passed} passed, {failed} failed");
            return failed == 0 ? ExitCodes.Success : ExitCodes.Failed;
        }
    }
}
