using BenchmarkDotNet.Running;

// dotnet run -c Release --project benchmarks/Astropal.Benchmarks -- --filter '*'
// Pick suites with --filter, e.g. '*Ephemeris*' or '*Gazetteer*'.
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
