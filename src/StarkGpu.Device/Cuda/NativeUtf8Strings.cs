using System.Runtime.InteropServices;

namespace StarkGpu.Device.Cuda;

/// <summary>An unmanaged <c>const char*[]</c> of NUL-terminated UTF-8 strings, as NVRTC takes its inputs.</summary>
internal sealed unsafe class NativeUtf8Strings : IDisposable
{
    private byte** _pointers;

    public NativeUtf8Strings(IReadOnlyList<string> strings)
    {
        Count = strings.Count;
        _pointers = (byte**)NativeMemory.AllocZeroed((nuint)Math.Max(Count, 1), (nuint)sizeof(byte*));
        for (var i = 0; i < Count; i++)
        {
            _pointers[i] = (byte*)Marshal.StringToCoTaskMemUTF8(strings[i]);
        }
    }

    public int Count { get; }

    public byte** Pointers
    {
        get
        {
            ObjectDisposedException.ThrowIf(_pointers == null, this);
            return _pointers;
        }
    }

    public void Dispose()
    {
        if (_pointers == null)
        {
            return;
        }

        for (var i = 0; i < Count; i++)
        {
            Marshal.FreeCoTaskMem((nint)_pointers[i]);
        }

        NativeMemory.Free(_pointers);
        _pointers = null;
    }
}
