namespace StarkGpu.Device.SelfTest;

/// <summary>Round trips through device memory: upload, device copy, fill, download.</summary>
public sealed class MemoryRoundTripCheck : SelfTestCase
{
    public override string Name => "memory.round-trip";

    public override string Run(Accelerator accelerator, int seed)
    {
        const int Length = (1 << 16) + 3;
        var random = new Random(seed);
        var input = new uint[Length];
        for (var i = 0; i < Length; i++)
        {
            input[i] = (uint)random.Next();
        }

        var stream = accelerator.CreateStream();
        try
        {
            using var a = stream.Upload<uint>(input);
            using var b = stream.Allocate<uint>(Length);
            stream.Fill32(b, Poison.Word);
            stream.CopyDeviceToDevice(a, 0, b, 0, Length - 1);
            stream.Fill32(b, 7u, Length - 1, 1);
            var output = b.ToArray();
            for (var i = 0; i < Length; i++)
            {
                var expected = i == Length - 1 ? 7u : input[i];
                if (output[i] != expected)
                {
                    throw new SelfTestFailureException($"element {i}: expected 0x{expected:x8}, got 0x{output[i]:x8}");
                }
            }

            return $"{Length:N0} words";
        }
        finally
        {
            stream.Dispose();
        }
    }
}

/// <summary>An allocation larger than the device must fail with a clear out-of-memory error and leak nothing.</summary>
public sealed class OutOfMemoryCheck : SelfTestCase
{
    public override string Name => "memory.out-of-memory";

    public override string Run(Accelerator accelerator, int seed)
    {
        var request = (accelerator.TotalMemoryBytes / 4) + (1L << 28); // more words than the device has bytes/4
        try
        {
            using var buffer = accelerator.DefaultStream.Allocate<uint>(request);
        }
        catch (DeviceOutOfMemoryException e) when (e.RequestedBytes == request * 4)
        {
            return e.Message;
        }

        throw new SelfTestFailureException($"allocating {request * 4:N0} bytes on a {accelerator.TotalMemoryBytes:N0}-byte device did not fail");
    }
}
