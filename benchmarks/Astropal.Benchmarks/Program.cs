using Astropal.Benchmarks.Delivery;
using Astropal.Benchmarks.Metrics;
using Astropal.Benchmarks.Segments;
using Astropal.Benchmarks.Subscribers;
using BenchmarkDotNet.Running;

// dotnet run -c Release --project benchmarks/Astropal.Benchmarks -- --filter '*'
// Pick suites with --filter, e.g. '*Ephemeris*' or '*Gazetteer*'.
// dotnet run -c Release --project benchmarks/Astropal.Benchmarks -- delivery --readers 20000
// runs the end-to-end delivery benchmark instead (see Delivery/DeliveryBenchmark.cs).
// dotnet run -c Release --project benchmarks/Astropal.Benchmarks -- segments --readers 10000
// runs the shared-segment benchmark (see Segments/SegmentsBenchmark.cs).
// dotnet run -c Release --project benchmarks/Astropal.Benchmarks -- subscribers --readers 100000
// times the console's subscribers page query (see Subscribers/SubscribersBenchmark.cs).
// dotnet run -c Release --project benchmarks/Astropal.Benchmarks -- metrics --readers 100000 --days 30
// times the launch metrics' evaluation at launch scale (see Metrics/MetricsBenchmark.cs).
if (args.Length > 0 && args[0] == "delivery")
{
    return await DeliveryBenchmark.RunAsync(args[1..]);
}

if (args.Length > 0 && args[0] == "segments")
{
    return await SegmentsBenchmark.RunAsync(args[1..]);
}

if (args.Length > 0 && args[0] == "metrics")
{
    return await MetricsBenchmark.RunAsync(args[1..]);
}

if (args.Length > 0 && args[0] == "subscribers")
{
    return await SubscribersBenchmark.RunAsync(args[1..]);
}

BenchmarkSwitcher.FromAssembly(typeof(DeliveryBenchmark).Assembly).Run(args);
return 0;
