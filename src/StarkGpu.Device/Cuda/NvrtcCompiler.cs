using System.Text;

namespace StarkGpu.Device.Cuda;

/// <summary>Compiles one kernel source to a CUBIN with NVRTC.</summary>
internal static unsafe class NvrtcCompiler
{
    /// <summary>
    /// A real architecture (sm_XY, not compute_XY) so that NVRTC emits a CUBIN: PTX from an NVRTC newer
    /// than the driver would be rejected at load time. <c>-default-device</c> lets helpers omit <c>__device__</c>.
    /// </summary>
    public static IReadOnlyList<string> OptionsFor(string architecture) =>
        [$"--gpu-architecture={architecture}", "-std=c++17", "-default-device"];

    /// <summary>Compiles <paramref name="source"/>, which may <c>#include</c> any of <paramref name="headers"/> by file name.</summary>
    public static byte[] Compile(NvrtcLibrary nvrtc, KernelSourceFile source, IReadOnlyList<KernelSourceFile> headers, IReadOnlyList<string> options)
    {
        using var text = new NativeUtf8Strings([source.Text, source.Path]);
        using var headerTexts = new NativeUtf8Strings([.. headers.Select(h => h.Text)]);
        using var headerNames = new NativeUtf8Strings([.. headers.Select(h => h.FileName)]);
        using var optionTexts = new NativeUtf8Strings(options);

        nint program;
        nvrtc.Check(
            nvrtc.CreateProgram(&program, text.Pointers[0], text.Pointers[1], headers.Count, headerTexts.Pointers, headerNames.Pointers),
            "nvrtcCreateProgram");
        try
        {
            var result = nvrtc.CompileProgram(program, optionTexts.Count, optionTexts.Pointers);
            if (result != 0)
            {
                throw new DeviceException(
                    $"NVRTC {nvrtc.VersionText} could not compile kernels/{source.Path} ({string.Join(' ', options)}): {nvrtc.Describe(result)}{Hint(result)}{Environment.NewLine}{Log(nvrtc, program)}")
                {
                    Call = "nvrtcCompileProgram",
                    ErrorCode = result,
                };
            }

            nuint size;
            nvrtc.Check(nvrtc.GetCubinSize(program, &size), "nvrtcGetCUBINSize");
            var cubin = new byte[size];
            fixed (byte* destination = cubin)
            {
                nvrtc.Check(nvrtc.GetCubin(program, destination), "nvrtcGetCUBIN");
            }

            return cubin;
        }
        finally
        {
            _ = nvrtc.DestroyProgram(&program);
        }
    }

    private static string Hint(int result) =>
        result == 7 // NVRTC_ERROR_BUILTIN_OPERATION_FAILURE
            ? " (libnvrtc-builtins.so could not be loaded: it must sit next to libnvrtc.so, or be on LD_LIBRARY_PATH)"
            : string.Empty;

    private static string Log(NvrtcLibrary nvrtc, nint program)
    {
        nuint size;
        if (nvrtc.GetProgramLogSize(program, &size) != 0 || size <= 1)
        {
            return "(no compiler log)";
        }

        var log = new byte[size];
        fixed (byte* destination = log)
        {
            if (nvrtc.GetProgramLog(program, destination) != 0)
            {
                return "(the compiler log could not be read)";
            }
        }

        return Encoding.UTF8.GetString(log, 0, log.Length - 1).TrimEnd(); // size counts the terminating NUL
    }
}
