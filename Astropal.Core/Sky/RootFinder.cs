namespace Astropal.Core.Sky;

/// <summary>Bracketing and root refinement on functions of the Julian Day.</summary>
internal static class RootFinder
{
    /// <summary>
    /// The first zero of <paramref name="f"/> met when walking from <paramref name="start"/> by
    /// <paramref name="step"/> days (negative: backwards) for at most <paramref name="span"/> days,
    /// refined by <see cref="Refine"/> to about 0.01 s. Sign changes across a wrap (|f| ≥ 90 on both sides) are ignored.
    /// With <paramref name="maxRate"/>, a bound of how fast f can change (units a day), the walk strides over
    /// stretches where f cannot reach zero (|f| / maxRate days) instead of stepping through them: a slow planet
    /// degrees from exactness is settled in a few evaluations instead of one a day across the window.
    /// </summary>
    public static double? FindFirstCrossing(Func<double, double> f, double start, double step, double span, double maxRate = double.PositiveInfinity)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxRate);
        var a = start;
        var fa = f(a);
        if (fa == 0)
        {
            return a;
        }

        var direction = Math.Sign(step);
        // As far as whole steps reach: the last step may end a little past the span.
        var end = start + (step * Math.Ceiling(span / Math.Abs(step)));
        while (direction * (end - a) > 1e-9)
        {
            var stride = Math.Max(Math.Abs(step), Math.Abs(fa) / maxRate);
            var b = direction > 0 ? Math.Min(a + stride, end) : Math.Max(a - stride, end);
            var fb = f(b);
            if (IsCrossing(fa, fb))
            {
                return Refine(f, a, fa, b, fb);
            }

            a = b;
            fa = fb;
        }

        return null;
    }

    public static bool IsCrossing(double fa, double fb) =>
        (fa <= 0 && fb > 0 || fa >= 0 && fb < 0) && Math.Abs(fa) < 90 && Math.Abs(fb) < 90;

    /// <summary>
    /// The zero of <paramref name="f"/> between <paramref name="a"/> and <paramref name="b"/> (where it changes sign) to
    /// within 1e-7 day (about 0.01 s), by false position with the Illinois modification: each step cuts the bracket
    /// where the straight line between its ends meets zero, and an end that stays put twice has its value halved, so
    /// both ends close in. On these smooth functions it needs about 6 evaluations where halving needs 23. A step
    /// that would not shrink the bracket falls back to halving it.
    /// </summary>
    public static double Refine(Func<double, double> f, double a, double fa, double b, double fb)
    {
        const double tolerance = 1e-7;
        if (fb == 0)
        {
            return b;
        }

        var kept = 0; // +1: a stayed put last step, −1: b did
        for (var i = 0; i < 100 && Math.Abs(b - a) > tolerance; i++)
        {
            var c = b - (fb * (b - a) / (fb - fa));
            var lo = Math.Min(a, b);
            var hi = Math.Max(a, b);
            if (!(c > lo && c < hi) || i % 8 == 7)
            {
                c = 0.5 * (a + b); // safeguard (and a halving every eighth step, so the bracket always shrinks)
            }

            var fc = f(c);
            if (fc == 0)
            {
                return c;
            }

            if (fc < 0 == fb < 0)
            {
                // c replaces b; a stays put.
                b = c;
                fb = fc;
                if (kept == 1)
                {
                    fa *= 0.5;
                }

                kept = 1;
            }
            else
            {
                // c replaces a; b stays put.
                a = c;
                fa = fc;
                if (kept == -1)
                {
                    fb *= 0.5;
                }

                kept = -1;
            }
        }

        return 0.5 * (a + b);
    }

    public static DateTimeOffset ToSecond(double julianDayUt)
    {
        var instant = AstroTime.FromJulianDay(julianDayUt);
        var ticks = (long)Math.Round(instant.UtcTicks / (double)TimeSpan.TicksPerSecond) * TimeSpan.TicksPerSecond;
        return new DateTimeOffset(ticks, TimeSpan.Zero);
    }
}
