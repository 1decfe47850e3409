namespace StarkGpu.Device.SelfTest;

/// <summary>The value written over kernel outputs before a launch, so that elements a kernel forgets to write show up.</summary>
public static class Poison
{
    /// <summary>Not a canonical KoalaBear or BabyBear element (both moduli are below it), so it never looks like a valid result.</summary>
    public const uint Word = 0xDEADBEEF;
}
