using CommunityToolkit.HighPerformance;
using StarkGpu.Device;
using StarkGpu.Device.FieldOps;
using StarkGpu.Engine.Air;
using StarkGpu.Engine.Chips;
using StarkGpu.Engine.Machines;
using StarkGpu.Fields;

namespace StarkGpu.Benchmarks.Scheduling;

/// <summary>A record that only says how many rows each synthetic chip makes.</summary>
public sealed class OverlapRecord(int hostRows, int deviceRows) : IExecutionRecord
{
    public int HostRows { get; } = hostRows;

    public int DeviceRows { get; } = deviceRows;

    public int ShardIndex => 0;

    public ReadOnlySpan<KoalaBear> PublicValues => [];
}

/// <summary>
/// Two chips with the same work per cell (x^(2^64 - 1), as the field pow kernel computes it): one on
/// the host, one by kernel. The scheduler should run them at the same time.
/// </summary>
public static class OverlapMachine
{
    public const int Width = 8;

    public const ulong Exponent = ulong.MaxValue;

    public static Machine<OverlapRecord, object> Create() =>
        new([new HostWorkChip(), new DeviceWorkChip()], [new Cluster("all", ["DeviceWork", "HostWork"])]);

    private static KoalaBear Seed(long index) => KoalaBear.FromCanonical((uint)(index * 2654435761L) | 1);

    private abstract class WorkChip : Chip<OverlapRecord, object>
    {
        public override int Width => OverlapMachine.Width;

        // Constraints are irrelevant to scheduling: the benchmark never checks these traces.
        public override void Eval<TExpr>(IAirBuilder<TExpr> builder)
        {
        }

        public override void GenerateMainTrace(OverlapRecord record, Span2D<KoalaBear> rows)
        {
            for (var r = 0; r < rows.Height; r++)
            {
                var row = rows.GetRowSpan(r);
                for (var c = 0; c < row.Length; c++)
                {
                    row[c] = Seed(((long)c * rows.Height) + r).Pow(Exponent);
                }
            }
        }
    }

    private sealed class HostWorkChip : WorkChip
    {
        public override string Name => "HostWork";

        public override bool Included(OverlapRecord record) => record.HostRows > 0;

        public override int MainHeight(OverlapRecord record) => record.HostRows;
    }

    private sealed class DeviceWorkChip : WorkChip
    {
        public override string Name => "DeviceWork";

        public override bool SupportsDeviceMainTracegen => true;

        public override bool Included(OverlapRecord record) => record.DeviceRows > 0;

        public override int MainHeight(OverlapRecord record) => record.DeviceRows;

        private KoalaBear[] _seeds = [];

        public override void GenerateDeviceMainTrace(OverlapRecord record, DeviceStream stream, DeviceMle<KoalaBear> output)
        {
            // Seeds are made once per size, so the device path does no per-element host work.
            if (_seeds.Length != output.Storage.Length)
            {
                _seeds = new KoalaBear[output.Storage.Length];
                for (var i = 0; i < _seeds.Length; i++)
                {
                    _seeds[i] = Seed(i);
                }
            }

            using var input = stream.Upload<KoalaBear>(_seeds);
            DeviceFieldOps.Pow(stream, input, Exponent, output.Storage);
        }
    }
}
