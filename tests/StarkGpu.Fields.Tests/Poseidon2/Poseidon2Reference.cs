using System.Text.Json;

namespace StarkGpu.Fields.Tests.Poseidon2;

/// <summary>
/// The parameters of shared/reference/poseidon2-koalabear-w16.json (copied into this project's Reference/ folder and
/// read at test time), and an independent scalar model of the permutation built from them: canonical values in
/// ulong, every product reduced mod p, the external layer as the full 16 x 16 matrix circ(2 M4, M4, M4, M4) and the
/// internal layers as the JSON's formulas. No Montgomery form, no addition chains: nothing shared with the library.
/// </summary>
internal sealed class Poseidon2Reference
{
    private static readonly ulong[,] M4 = { { 2, 3, 1, 1 }, { 1, 2, 3, 1 }, { 1, 1, 2, 3 }, { 3, 1, 1, 2 } };

    private Poseidon2Reference(JsonElement root)
    {
        Root = root;
        P = root.GetProperty("field_modulus").GetUInt64();
        Width = root.GetProperty("width").GetInt32();
        SboxDegree = root.GetProperty("sbox_degree").GetInt32();
        ExternalInitial = Matrix(root.GetProperty("rc_external_initial"));
        Internal = Vector(root.GetProperty("rc_internal"));
        ExternalTerminal = Matrix(root.GetProperty("rc_external_terminal"));
        var layers = root.GetProperty("internal_layers");
        Plonky3Diagonal = Vector(layers.GetProperty("plonky3").GetProperty("diag"));
        Sp1Diagonal = Vector(layers.GetProperty("sp1").GetProperty("diag"));
        Sp1Scale = layers.GetProperty("sp1").GetProperty("two_pow_minus_32_mod_p").GetUInt64();
    }

    public static Poseidon2Reference Instance { get; } = Load();

    public JsonElement Root { get; }

    public ulong P { get; }

    public int Width { get; }

    public int SboxDegree { get; }

    public ulong[][] ExternalInitial { get; }

    public ulong[] Internal { get; }

    public ulong[][] ExternalTerminal { get; }

    public ulong[] Plonky3Diagonal { get; }

    public ulong[] Sp1Diagonal { get; }

    public ulong Sp1Scale { get; }

    /// <summary>The JSON's test vectors: (internal layer name, input, output).</summary>
    public IEnumerable<(string Layer, string Name, ulong[] Input, ulong[] Output)> TestVectors() =>
        Root.GetProperty("test_vectors").EnumerateArray().Select(v => (
            v.GetProperty("internal_layer").GetString()!,
            v.GetProperty("name").GetString()!,
            Vector(v.GetProperty("input")),
            Vector(v.GetProperty("output"))));

    /// <summary>The permutation with the internal layer named as in the JSON ("plonky3" or "sp1").</summary>
    public ulong[] Permute(ulong[] input, string layer)
    {
        var s = (ulong[])input.Clone();
        s = External(s);
        foreach (var rc in ExternalInitial)
        {
            s = External(SboxAll(AddAll(s, rc)));
        }

        foreach (var rc in Internal)
        {
            s[0] = Pow((s[0] + rc) % P, SboxDegree);
            s = InternalLayer(s, layer);
        }

        foreach (var rc in ExternalTerminal)
        {
            s = External(SboxAll(AddAll(s, rc)));
        }

        return s;
    }

    private ulong[] External(ulong[] s)
    {
        var result = new ulong[Width];
        for (var i = 0; i < Width; i++)
        {
            ulong acc = 0;
            for (var j = 0; j < Width; j++)
            {
                // Block (i / 4, j / 4) of circ(2 M4, M4, M4, M4) is 2 M4 on the diagonal, M4 elsewhere.
                var m = M4[i % 4, j % 4] * (i / 4 == j / 4 ? 2UL : 1UL);
                acc = (acc + m * s[j]) % P;
            }

            result[i] = acc;
        }

        return result;
    }

    private ulong[] InternalLayer(ulong[] s, string layer)
    {
        ulong sum = 0;
        foreach (var x in s)
        {
            sum = (sum + x) % P;
        }

        var result = new ulong[Width];
        for (var i = 0; i < Width; i++)
        {
            result[i] = layer switch
            {
                "plonky3" => (sum + Plonky3Diagonal[i] * s[i]) % P,
                "sp1" => (sum + Sp1Diagonal[i] * s[i]) % P * Sp1Scale % P,
                _ => throw new ArgumentException($"unknown layer {layer}", nameof(layer)),
            };
        }

        return result;
    }

    private ulong[] AddAll(ulong[] s, ulong[] rc) => s.Select((x, i) => (x + rc[i]) % P).ToArray();

    private ulong[] SboxAll(ulong[] s) => s.Select(x => Pow(x, SboxDegree)).ToArray();

    private ulong Pow(ulong x, int e)
    {
        ulong result = 1;
        for (var i = 0; i < e; i++)
        {
            result = result * x % P;
        }

        return result;
    }

    private static ulong[] Vector(JsonElement array) => array.EnumerateArray().Select(e => e.GetUInt64()).ToArray();

    private static ulong[][] Matrix(JsonElement array) => array.EnumerateArray().Select(Vector).ToArray();

    private static Poseidon2Reference Load()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Reference", "poseidon2-koalabear-w16.json");
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        return new Poseidon2Reference(document.RootElement.Clone());
    }
}
