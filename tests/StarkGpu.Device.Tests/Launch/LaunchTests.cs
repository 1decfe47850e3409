using ILGPU;
using StarkGpu.Device.Cpu;
using StarkGpu.Device.FieldOps;
using StarkGpu.Fields;
using StarkGpu.Kernels.Launch;
using StarkGpu.Kernels.Memory;

namespace StarkGpu.Device.Tests.Launch;

/// <summary>Kernel loading and launching: errors name the kernel, a failed compile spoils nothing, streams may run side by side.</summary>
[TestFixture]
public sealed class LaunchTests
{
    [Test]
    public void AKernelThatDoesNotCompileIsNamedAndLeavesLaterKernelsWorking()
    {
        using var accelerator = Accelerators.Cpu();
        var stream = accelerator.DefaultStream;
        using var buffer = stream.AllocateZeroed<uint>(64);
        var range = accelerator.Range(buffer.Length);

        var error = Assert.Throws<DeviceException>(() => stream.Launch(TakesAManagedStruct, range.Workers, buffer.View, new Managed { Text = "x" }));
        Assert.That(error!.Message, Does.Contain("LaunchTests.TakesAManagedStruct"));
        TestContext.Out.WriteLine(error.Message);

        Assert.Throws<DeviceException>(() => stream.Launch(TakesAManagedStruct, range.Workers, buffer.View, new Managed()), "a failure is not cached as a kernel");
        stream.Fill32(buffer, 5u);
        Assert.That(buffer.ToArray(), Is.All.EqualTo(5u));
    }

    [Test]
    public void GenericKernelsAreNamedWithTheirArguments()
    {
        using var accelerator = Accelerators.Cpu();
        var stream = accelerator.DefaultStream;
        using var buffer = stream.AllocateZeroed<uint>(8);
        var range = accelerator.Range(buffer.Length);
        var error = Assert.Throws<DeviceException>(() => stream.Launch(TakesAManagedStructGeneric<KoalaBear>, range.Workers, buffer.View, new Managed()));
        Assert.That(error!.Message, Does.Contain("LaunchTests.TakesAManagedStructGeneric<KoalaBear>"));
    }

    [Test]
    public void AnExtentOfZeroLaunchesNothing()
    {
        using var accelerator = Accelerators.Cpu();
        var stream = accelerator.DefaultStream;
        using var buffer = stream.Allocate<uint>(0);
        Assert.DoesNotThrow(() => stream.Launch(MemoryKernels.Fill, 0, buffer.View, 1u, accelerator.Range(0)));
    }

    [Test]
    public void TheCpuRangeIsAChunkPerThread()
    {
        using var accelerator = Accelerators.Cpu(new CpuAcceleratorOptions { Threads = 4 });
        Assert.That(accelerator.Threads, Is.EqualTo(4));
        Assert.That(accelerator.CounterSets, Is.EqualTo(4));
        Assert.That(accelerator.CountersExclusive, Is.True);
        var range = accelerator.Range(1000, alignment: 16);
        Assert.That(range.Workers, Is.EqualTo(4));
        Assert.That(range.Chunk, Is.EqualTo(256));
    }

    [Test]
    public unsafe void OnTheCpuALaunchHasCompletedWhenItReturns()
    {
        // What the launch lock and SynchronizeAsync rely on: the lock must cover the kernel's execution, not its queuing.
        using var accelerator = Accelerators.Cpu();
        var stream = accelerator.DefaultStream;
        using var values = stream.AllocateZeroed<KoalaBear>(1 << 20);
        var range = accelerator.Range(values.Length);
        stream.Launch(Kernels.Field.FieldKernels.Pow, range.Workers, values.View, values.View, 0UL, range);
        var host = (KoalaBear*)values.HostPointer;
        Assert.That(host[values.Length - 1], Is.EqualTo(KoalaBear.One));
    }

    [Test]
    public void TwoStreamsOnTwoThreadsAtOnceGiveTheRightResults()
    {
        using var accelerator = Accelerators.Cpu();
        const int Length = 200_001;
        var random = new Random(7);
        var a = Enumerable.Range(0, Length).Select(_ => KoalaBear.FromCanonical((uint)random.Next())).ToArray();
        var b = Enumerable.Range(0, Length).Select(_ => KoalaBear.FromCanonical((uint)random.Next())).ToArray();
        var expected = a.Zip(b, (x, y) => x * y).ToArray();
        var failures = new System.Collections.Concurrent.ConcurrentBag<Exception>();

        void Work()
        {
            try
            {
                WorkOnce();
            }
#pragma warning disable CA1031 // collected and asserted on the test thread
            catch (Exception e)
#pragma warning restore CA1031
            {
                failures.Add(e);
            }
        }

        void WorkOnce()
        {
            using var stream = accelerator.CreateStream();
            for (var round = 0; round < 20; round++)
            {
                using var da = stream.Upload<KoalaBear>(a);
                using var db = stream.Upload<KoalaBear>(b);
                using var product = stream.Allocate<KoalaBear>(Length);
                DeviceFieldOps.Multiply(stream, da, db, product);
                if (!product.ToArray().AsSpan().SequenceEqual(expected))
                {
                    throw new InvalidOperationException($"round {round}: wrong products");
                }
            }
        }

        var threads = new[] { new Thread(Work), new Thread(Work) };
        foreach (var thread in threads)
        {
            thread.Start();
        }

        foreach (var thread in threads)
        {
            thread.Join();
        }

        Assert.That(failures, Is.Empty);
        Assert.That(accelerator.Ledger.LiveBytes, Is.Zero);
    }

    // The CPU accelerator runs a kernel's IL as it is (a kernel that allocates runs there; the PTX check refuses it),
    // but it refuses a parameter that holds a managed reference.
    private static void TakesAManagedStruct(Index1D index, ArrayView<uint> values, Managed managed) => values[index] = (uint)managed.Text.Length;

    private static void TakesAManagedStructGeneric<TField>(Index1D index, ArrayView<uint> values, Managed managed)
        where TField : unmanaged, IPrimeField<TField> => values[index] = TField.One.Raw + (uint)managed.Text.Length;

    private struct Managed
    {
        public string Text;
    }
}
