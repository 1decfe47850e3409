using StarkGpu.PtxCheck;

// Exit codes: 0 every kernel assembled, 1 some failed (named at the end), 2 usage (arguments, no ptxas, no catalog).
var options = CheckOptions.Parse(args, out var error);
if (options is null)
{
    if (error is null)
    {
        Console.WriteLine(CheckOptions.Usage);
        return 0;
    }

    await Console.Error.WriteLineAsync($"error: {error}\n{CheckOptions.Usage}");
    return 2;
}

var ptxas = Ptxas.Find(options.Ptxas);
var version = ptxas?.Version();
if (ptxas is null || version is null)
{
    var what = options.Ptxas ?? "ptxas (on PATH or in the cache of kernels/fetch-ptxas.sh)";
    await Console.Error.WriteLineAsync($"error: {what} {(ptxas is null ? "not found" : "does not run")}; {Ptxas.HowToGet}");
    return 2;
}

var (catalogs, searched) = KernelCatalogs.Discover();
if (catalogs.Count == 0)
{
    await Console.Error.WriteLineAsync($"error: no kernel catalog (StarkGpu.Kernels.IKernelCatalog) in {string.Join(", ", searched)}");
    return 2;
}

Console.WriteLine($"ptxas: {ptxas.Path} ({version})");
Console.WriteLine($"catalogs searched in: {string.Join(", ", searched)}");
return new KernelCheck(ptxas, options).Run(catalogs);
