using BenchmarkDotNet.Running;

// dotnet run -c Release --project bench/Ashyq.Bench -- --filter '*'   (add --job short for a quick run)
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
