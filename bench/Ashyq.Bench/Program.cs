using Ashyq.Bench;
using BenchmarkDotNet.Running;

// dotnet run -c Release --project bench/Ashyq.Bench -- --filter '*'   (add --job short for a quick run)
// dotnet run -c Release --project bench/Ashyq.Bench -- publish-latency --db /tmp/latency.db --scale 1   (acceptance → signed checkpoint)
// dotnet run -c Release --project bench/Ashyq.Bench -- results-import --db /tmp/bench.db --db "Host=…"   (import vs raw bulk insert)
// dotnet run -c Release --project bench/Ashyq.Bench -- signatures --db /tmp/sig-bench.db --db "Host=…"   (500,000 signatures verified against a scale-1 register)
// dotnet run -c Release -p:RuntimeIdentifier=linux-x64 --project bench/Ashyq.Bench -- register --db /tmp/reg.db --db "Host=…"   (register import and dedupe)
if (args.Length > 1 && args[0] == "register-parse")
{
    return RegisterBench.Parse(args[1]);
}

if (args.Length > 0 && args[0] == "register")
{
    return await RegisterBench.RunAsync(args[1..]);
}

if (args.Length > 0 && args[0] == "publish-latency")
{
    return await PublishLatencyBench.RunAsync(args[1..]);
}

if (args.Length > 0 && args[0] == "signatures")
{
    return await SignaturesBench.RunAsync(args[1..]);
}

if (args.Length > 0 && args[0] == "results-import")
{
    return await ResultsImportBench.RunAsync(args[1..]);
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
return 0;
