using System.Diagnostics;
using Astropal.Core.Places;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;

namespace Astropal.Benchmarks.Places;

/// <summary>
/// Gazetteer prefix search (issue 3: p95 under 2 ms over ~50,000 cities) and the memory the
/// loaded index keeps. Run: dotnet run -c Release --project benchmarks/Astropal.Benchmarks -- --filter '*Gazetteer*'
/// </summary>
[MemoryDiagnoser]
[Config(typeof(PercentileConfig))]
public class GazetteerBenchmarks
{
    /// <summary>What people type into the birth-place picker: 1–6 letters, accented, common and rare.</summary>
    public static readonly string[] Prefixes =
    [
        "s", "p", "é", "lo", "san", "zür", "sao", "muen", "koeln", "spring", "frankf", "ouagad", "xq", "new yo",
    ];

    private Gazetteer gazetteer = null!;

    public static IEnumerable<string> Queries() => Prefixes;

    [GlobalSetup]
    public void Setup()
    {
        gazetteer = new Gazetteer();
        gazetteer.EnsureLoaded();
        PerQueryLatency.Print(gazetteer);
    }

    [Benchmark]
    [ArgumentsSource(nameof(Queries))]
    public IReadOnlyList<GazetteerCity> Search(string prefix) => gazetteer.Search(prefix);

    /// <summary>All prefixes in a row, i.e. one of each per operation.</summary>
    [Benchmark]
    public int SearchAllPrefixes()
    {
        var found = 0;
        foreach (var prefix in Prefixes)
        {
            found += gazetteer.Search(prefix).Count;
        }

        return found;
    }

    [Benchmark]
    public GazetteerCity? FindById() => gazetteer.Find(2657896);
}

/// <summary>Loading the embedded data (decompress, parse, fold, sort) and the bytes the loaded index keeps.</summary>
[MemoryDiagnoser]
[Config(typeof(PercentileConfig))]
[SimpleJob(launchCount: 1, warmupCount: 2, iterationCount: 8)]
public class GazetteerLoadBenchmarks
{
    private GazetteerIndex? loaded;

    [GlobalSetup]
    public void Setup() => loaded = RetainedMemory.Print();

    [Benchmark]
    public int Load()
    {
        loaded = GazetteerIndex.LoadEmbedded();
        return loaded.Count;
    }
}

internal sealed class PercentileConfig : ManualConfig
{
    public PercentileConfig()
    {
        AddColumn(StatisticColumn.P95);
        AddColumn(StatisticColumn.Max);
    }
}

/// <summary>
/// BenchmarkDotNet's P95 is over iteration means; this prints the distribution of single queries
/// (each prefix equally often, timed one by one) so the p95 of a keystroke is visible too.
/// </summary>
internal static class PerQueryLatency
{
    public static void Print(Gazetteer gazetteer)
    {
        const int rounds = 2_000;
        foreach (var prefix in GazetteerBenchmarks.Prefixes)
        {
            gazetteer.Search(prefix);
        }

        var samples = new List<double>(rounds * GazetteerBenchmarks.Prefixes.Length);
        for (var round = 0; round < rounds; round++)
        {
            foreach (var prefix in GazetteerBenchmarks.Prefixes)
            {
                var start = Stopwatch.GetTimestamp();
                gazetteer.Search(prefix);
                samples.Add(Stopwatch.GetElapsedTime(start).TotalMicroseconds);
            }
        }

        samples.Sort();
        Console.WriteLine(
            $"// Gazetteer per-query latency over {samples.Count} single searches: "
            + $"mean {samples.Average():F2} µs, p50 {At(samples, 0.50):F2} µs, p95 {At(samples, 0.95):F2} µs, "
            + $"p99 {At(samples, 0.99):F2} µs, max {samples[^1]:F2} µs");
    }

    private static double At(List<double> sorted, double quantile) => sorted[(int)Math.Ceiling(quantile * sorted.Count) - 1];
}

internal static class RetainedMemory
{
    public static GazetteerIndex Print()
    {
        var before = GC.GetTotalMemory(forceFullCollection: true);
        var start = Stopwatch.GetTimestamp();
        var index = GazetteerIndex.LoadEmbedded();
        var elapsed = Stopwatch.GetElapsedTime(start);
        var after = GC.GetTotalMemory(forceFullCollection: true);
        GC.KeepAlive(index);
        Console.WriteLine(
            $"// Gazetteer index: {index.Count} cities, retained {(after - before) / 1024d / 1024d:F2} MiB "
            + $"({after - before:N0} bytes), first load {elapsed.TotalMilliseconds:F0} ms");
        return index;
    }
}
