using System.Reflection;

namespace StarkGpu.Cli.Tests;

/// <summary>Runs the CLI's entry point in this process, capturing its console (tests using it are non-parallelizable).</summary>
internal static class InProcessCli
{
    public static (int Code, string Output, string Error) Run(string[] args)
    {
        var entry = Assembly.Load("stark-gpu").EntryPoint!;
        var (output, error) = (new StringWriter(), new StringWriter());
        var (oldOut, oldError) = (Console.Out, Console.Error);
        Console.SetOut(output);
        Console.SetError(error);
        try
        {
            var code = (int)entry.Invoke(null, [args])!;
            return (code, output.ToString(), error.ToString());
        }
        catch (TargetInvocationException e)
        {
            return (-1, output.ToString(), error + e.InnerException!.ToString());
        }
        finally
        {
            Console.SetOut(oldOut);
            Console.SetError(oldError);
        }
    }
}
