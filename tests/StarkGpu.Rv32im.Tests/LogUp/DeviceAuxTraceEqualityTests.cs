using StarkGpu.Device;
using StarkGpu.Engine.Chips;
using StarkGpu.Engine.LogUp;
using StarkGpu.Fields;
using StarkGpu.Rv32im.Tests.Soundness.Support;

namespace StarkGpu.Rv32im.Tests.LogUp;

/// <summary>
/// Every RV32IM chip's aux trace from the kernels on the cpu backend (ILGPU's CPU accelerator) equals the host
/// reference bit for bit, on every shard of a guest: the compiled interaction programs evaluate what the chips'
/// Eval records, on every chip's real expressions.
/// </summary>
public sealed class DeviceAuxTraceEqualityTests
{
    [TestCase("fibonacci", 2)]
    [TestCase("memory", 4)]
    public void EveryChipOfEveryShardEqualsTheHostReference(string name, int batchSize)
    {
        using var run = CheatingRun.Of(name);
        using var accelerator = Accelerators.Cpu(new Device.Cpu.CpuAcceleratorOptions { Threads = 2 });
        var challenges = LogUpChallenges.Random(new Random(name.Length));
        var compared = 0;
        foreach (var shard in run.Shards())
        {
            var host = HostAuxTraces.Generate(run.Machine, run.Preprocessed, shard, challenges, batchSize);
            using var stream = accelerator.CreateStream();
            foreach (var chip in run.Machine.Chips.Where(c => shard.Main.ContainsKey(c.Name)))
            {
                using var main = shard.Main[chip.Name].Height == 0 ? null : Upload(stream, shard.Main[chip.Name]);
                using var preprocessed = chip.PreprocessedWidth == 0 ? null : Upload(stream, run.Preprocessed[chip.Name]);
                using var device = DeviceAuxTraces.Generate(
                    stream, chip.Name, run.Machine.Symbolic(chip.Name), main, preprocessed, shard.PublicValues!, 1L << shard.LogRowCount!.Value, challenges, batchSize);
                Assert.That(device.ToHostRowMajor(), Is.EqualTo(host[chip.Name].Values), $"chip {chip.Name} in shard {shard.ShardIndex}");
                compared += host[chip.Name].Values.Length;
            }
        }

        Assert.That(compared, Is.GreaterThan(0));
        Assert.That(accelerator.Ledger.LiveBytes, Is.Zero, "device bytes still live");
    }

    private static DeviceMle<KoalaBear> Upload(DeviceStream stream, HostTrace trace)
    {
        var columns = new KoalaBear[trace.Values.Length];
        for (var row = 0; row < trace.Height; row++)
        {
            for (var column = 0; column < trace.Width; column++)
            {
                columns[((long)column * trace.Height) + row] = trace[row, column];
            }
        }

        return new DeviceMle<KoalaBear>(stream.Upload<KoalaBear>(columns), trace.Width, trace.Height);
    }
}
