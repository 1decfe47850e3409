using System.Runtime.InteropServices;
using StarkGpu.Device.FieldOps;
using StarkGpu.Fields;
using StarkGpu.Fields.Poseidon2;

namespace StarkGpu.Device.SelfTest;

/// <summary>
/// Checks the Poseidon2 kernel against the host permutation (<see cref="Poseidon2KoalaBear16.PermuteAll{TLayer}"/>)
/// for one internal layer: an odd number of random states (the first all zero and all -1), into poisoned output, then
/// in place.
/// </summary>
internal sealed class Poseidon2Check<TLayer> : SelfTestCase where TLayer : struct, IPoseidon2InternalLayer
{
    private const int MinimumStates = 300;

    public Poseidon2Check(string name) => Name = name;

    public override string Name { get; }

    public override string Run(Accelerator accelerator, int seed)
    {
        var random = new Random(seed);
        var states = FieldCheckSupport.OddLength(random, MinimumStates);
        var input = FieldCheckSupport.PrimeElements<KoalaBear>(random, states * Poseidon2KoalaBear16.Width);
        input.AsSpan(0, Poseidon2KoalaBear16.Width).Fill(KoalaBear.Zero);
        input.AsSpan(Poseidon2KoalaBear16.Width, Poseidon2KoalaBear16.Width).Fill(-KoalaBear.One);
        var expected = (KoalaBear[])input.Clone();
        Poseidon2KoalaBear16.PermuteAll<TLayer>(expected);

        using var stream = accelerator.CreateStream();
        using var poseidon2 = new DevicePoseidon2(stream);
        using var deviceInput = stream.Upload<KoalaBear>(input);
        using var output = stream.Allocate<KoalaBear>(input.Length);
        var actual = new KoalaBear[input.Length];

        FieldCheckSupport.Poison(stream, output);
        poseidon2.Permute<TLayer>(stream, deviceInput, output);
        stream.CopyToHost(output, actual);
        Require($"{Name} (into output)", input, expected, actual);

        poseidon2.Permute<TLayer>(stream, deviceInput, deviceInput);
        stream.CopyToHost(deviceInput, actual);
        Require($"{Name} (in place)", input, expected, actual);
        return $"{states:N0} states bit-identical, into output and in place";
    }

    private static void Require(string name, KoalaBear[] input, KoalaBear[] expected, KoalaBear[] actual) =>
        FieldCheckSupport.RequireBitwiseEqual<Poseidon2State16>(
            name, MemoryMarshal.Cast<KoalaBear, Poseidon2State16>(expected), MemoryMarshal.Cast<KoalaBear, Poseidon2State16>(actual),
            i => FieldCheckSupport.Words(MemoryMarshal.Cast<KoalaBear, Poseidon2State16>(input)[i]));
}
