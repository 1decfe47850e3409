using StarkGpu.Device;

namespace StarkGpu.Engine.Chips;

/// <summary>
/// What a row-writer launch reports back: how many events the writer refused and the first of them, and the values
/// that had no counter in table 0 (byte lookups) and table 1 (program rows). On the device they are four words,
/// [refused, first refused row, table-0 errors, table-1 errors], read back after the launch.
/// </summary>
public readonly record struct RowChecks(uint Refused, uint FirstRefusedRow, uint ByteLookupErrors, uint ProgramErrors)
{
    public static RowChecks None => default;

    public static DeviceBuffer<uint> Allocate(DeviceStream stream)
    {
        var checks = stream.AllocateZeroed<uint>(4);
        try
        {
            stream.Fill32(checks, uint.MaxValue, 1, 1); // the atomic minimum of the refused rows starts above every row
            return checks;
        }
        catch
        {
            checks.Dispose();
            throw;
        }
    }

    public static RowChecks Read(DeviceBuffer<uint> checks)
    {
        var words = checks.ToArray();
        return new RowChecks(words[0], words[1], words[2], words[3]);
    }
}
