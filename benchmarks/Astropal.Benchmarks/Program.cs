using Astropal.Benchmarks.Delivery;
using BenchmarkDotNet.Running;

// dotnet run -c Release --project benchmarks/Astropal.Benchmarks -- --filter '*'
// Pick suites with --filter, e.g. '*Ephemeris*' or '*Gazetteer*'.
// dotnet run -c Release --project benchmarks/Astropal.Benchmarks -- delivery --readers 20000
// runs the end-to-end delivery benchmark instead (see Delivery/DeliveryBenchmark.cs).
if (args.Length > 0 && args[0] == "delivery")
{
    return await DeliveryBenchmark.RunAsync(args[1..]);
}

BenchmarkSwitcher.FromAssembly(typeof(DeliveryBenchmark).Assembly).Run(args);
return 0;
