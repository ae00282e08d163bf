using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace Astropal.Core.Sky;

/// <summary>
/// Series coefficients rearranged at start-up into one array per coefficient (structure of arrays),
/// each series padded with zero-amplitude terms to a multiple of four so that four terms are
/// evaluated at once with 256-bit vectors.
/// </summary>
internal sealed class SeriesTable
{
    private SeriesTable(double[][] columns, int[] offsets)
    {
        Columns = columns;
        Offsets = offsets;
    }

    /// <summary>Coefficient columns: column c holds coefficient c of every (padded) term.</summary>
    public double[][] Columns { get; }

    /// <summary>Start of series s in the columns; <c>Offsets[s + 1]</c> is its (padded) end.</summary>
    public int[] Offsets { get; }

    /// <summary>Builds the table from rows of <paramref name="width"/> coefficients and the term count of each series.</summary>
    public static SeriesTable Create(ReadOnlySpan<double> rows, ReadOnlySpan<int> counts, int width)
    {
        var offsets = new int[counts.Length + 1];
        for (var s = 0; s < counts.Length; s++)
        {
            offsets[s + 1] = offsets[s] + ((counts[s] + 3) & ~3);
        }

        var columns = new double[width][];
        for (var c = 0; c < width; c++)
        {
            columns[c] = new double[offsets[^1]];
        }

        var row = 0;
        for (var s = 0; s < counts.Length; s++)
        {
            for (var i = 0; i < counts[s]; i++, row++)
            {
                for (var c = 0; c < width; c++)
                {
                    columns[c][offsets[s] + i] = rows[(row * width) + c];
                }
            }
        }

        return new SeriesTable(columns, offsets);
    }
}

/// <summary>Four-wide evaluation of trigonometric series and their time derivatives.</summary>
internal static class SeriesKernel
{
    private const double TwoOverPi = 2.0 / Math.PI;
    private const double HalfPiHigh = 1.5707963267948966;
    private const double HalfPiLow = 6.123233995736766e-17;

    /// <summary>VSOP87 series s: Σ A·cos(B + C·τ) and its derivative with respect to τ.</summary>
    public static void Vsop(SeriesTable table, int series, double tau, out double sum, out double rate)
    {
        var a = table.Columns[0];
        var b = table.Columns[1];
        var c = table.Columns[2];
        var tauV = Vector256.Create(tau);
        var sumV = Vector256<double>.Zero;
        var rateV = Vector256<double>.Zero;
        var end = table.Offsets[series + 1];
        for (var i = table.Offsets[series]; i < end; i += 4)
        {
            var av = Vector256.LoadUnsafe(ref a[0], (nuint)i);
            var cv = Vector256.LoadUnsafe(ref c[0], (nuint)i);
            SinCos(Vector256.LoadUnsafe(ref b[0], (nuint)i) + (cv * tauV), out var sin, out var cos);
            sumV += av * cos;
            rateV -= av * cv * sin;
        }

        sum = Vector256.Sum(sumV);
        rate = Vector256.Sum(rateV);
    }

    /// <summary>ELP/MPP02 series s: Σ A·sin(φ0 + φ1·t + φ2·t² + φ3·t³ + φ4·t⁴) and its derivative with respect to t.</summary>
    public static void Elp(SeriesTable table, int series, double t, out double sum, out double rate)
    {
        var columns = table.Columns;
        var tv = Vector256.Create(t);
        var t2 = Vector256.Create(t * t);
        var t3 = Vector256.Create(t * t * t);
        var t4 = Vector256.Create(t * t * t * t);
        var two = Vector256.Create(2.0);
        var three = Vector256.Create(3.0);
        var four = Vector256.Create(4.0);
        var sumV = Vector256<double>.Zero;
        var rateV = Vector256<double>.Zero;
        var end = table.Offsets[series + 1];
        for (var i = table.Offsets[series]; i < end; i += 4)
        {
            var index = (nuint)i;
            var av = Vector256.LoadUnsafe(ref columns[0][0], index);
            var p1 = Vector256.LoadUnsafe(ref columns[2][0], index);
            var p2 = Vector256.LoadUnsafe(ref columns[3][0], index);
            var p3 = Vector256.LoadUnsafe(ref columns[4][0], index);
            var p4 = Vector256.LoadUnsafe(ref columns[5][0], index);
            var phase = Vector256.LoadUnsafe(ref columns[1][0], index) + (p1 * tv) + (p2 * t2) + (p3 * t3) + (p4 * t4);
            SinCos(phase, out var sin, out var cos);
            sumV += av * sin;
            rateV += av * cos * (p1 + (two * p2 * tv) + (three * p3 * t2) + (four * p4 * t3));
        }

        sum = Vector256.Sum(sumV);
        rate = Vector256.Sum(rateV);
    }

    /// <summary>
    /// Sine and cosine of four angles: reduction to [−π/4, π/4] by quadrant and Taylor polynomials
    /// (absolute error below 1e-11, far under the 1e-8 rad that matters here).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void SinCos(Vector256<double> x, out Vector256<double> sin, out Vector256<double> cos)
    {
        var half = Vector256.Create(0.5);
        var one = Vector256.Create(1.0);
        var two = Vector256.Create(2.0);
        var four = Vector256.Create(4.0);
        var quarter = Vector256.Create(0.25);
        var q = Vector256.Floor((x * Vector256.Create(TwoOverPi)) + half);
        var r = x - (q * Vector256.Create(HalfPiHigh)) - (q * Vector256.Create(HalfPiLow));
        var r2 = r * r;

        var sp = Vector256.Create(-1.0 / 39916800) * r2;
        sp = (sp + Vector256.Create(1.0 / 362880)) * r2;
        sp = (sp - Vector256.Create(1.0 / 5040)) * r2;
        sp = (sp + Vector256.Create(1.0 / 120)) * r2;
        sp = (sp - Vector256.Create(1.0 / 6)) * r2;
        var s = r + (r * sp);

        var cp = Vector256.Create(1.0 / 479001600) * r2;
        cp = (cp - Vector256.Create(1.0 / 3628800)) * r2;
        cp = (cp + Vector256.Create(1.0 / 40320)) * r2;
        cp = (cp - Vector256.Create(1.0 / 720)) * r2;
        cp = (cp + Vector256.Create(1.0 / 24)) * r2;
        cp = (cp - half) * r2;
        var c = one + cp;

        // Quadrant q mod 4 → (sin, cos) = (s, c), (c, −s), (−s, −c), (−c, s), computed without branches.
        var q4 = q - (four * Vector256.Floor(q * quarter));
        var upper = Vector256.Floor(q4 * half);
        var swap = q4 - (two * upper);
        var sinSign = one - (two * upper);
        var next = q4 + one;
        next -= four * Vector256.Floor(next * quarter);
        var cosSign = one - (two * Vector256.Floor(next * half));
        sin = sinSign * (s + (swap * (c - s)));
        cos = cosSign * (c + (swap * (s - c)));
    }
}
