using System.Text;

namespace Astropal.Core.Content;

/// <summary>How alike two texts are: Jaccard similarity of their word n-gram ("shingle") sets.</summary>
public static class VoiceSimilarity
{
    /// <summary>|A ∩ B| / |A ∪ B| of the word <paramref name="n"/>-grams; 0 for two empty texts.</summary>
    public static double Jaccard(string first, string second, int n = 3)
    {
        ArgumentNullException.ThrowIfNull(first);
        ArgumentNullException.ThrowIfNull(second);
        ArgumentOutOfRangeException.ThrowIfLessThan(n, 1);
        var a = Shingles(first, n);
        var b = Shingles(second, n);
        if (a.Count == 0 && b.Count == 0)
        {
            return 0;
        }

        var common = a.Count(b.Contains);
        return common / (double)(a.Count + b.Count - common);
    }

    /// <summary>The highest pairwise similarity among the texts (e.g. the four voices of one day).</summary>
    public static double MaxPairwise(IReadOnlyList<string> texts, int n = 3)
    {
        ArgumentNullException.ThrowIfNull(texts);
        var max = 0.0;
        for (var i = 0; i < texts.Count; i++)
        {
            for (var j = i + 1; j < texts.Count; j++)
            {
                max = Math.Max(max, Jaccard(texts[i], texts[j], n));
            }
        }

        return max;
    }

    /// <summary>The set of lower-case word n-grams; words are runs of letters and digits.</summary>
    public static HashSet<string> Shingles(string text, int n = 3)
    {
        ArgumentNullException.ThrowIfNull(text);
        var words = new List<string>();
        var word = new StringBuilder();
        foreach (var c in text)
        {
            if (char.IsLetterOrDigit(c))
            {
                word.Append(char.ToLowerInvariant(c));
            }
            else if (word.Length > 0)
            {
                words.Add(word.ToString());
                word.Clear();
            }
        }

        if (word.Length > 0)
        {
            words.Add(word.ToString());
        }

        var shingles = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i + n <= words.Count; i++)
        {
            shingles.Add(string.Join(' ', words.Skip(i).Take(n)));
        }

        return shingles;
    }
}
