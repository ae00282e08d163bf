using System.Globalization;
using System.Text;

namespace Astropal.Core.Places;

/// <summary>
/// Turns a place name or a typed query into a search key: the gazetteer's ASCII folding
/// (NFKD, drop combining marks, ß→ss æ→ae œ→oe ø→o đ/ð→d ł→l þ→th ı→i ħ→h ŧ→t ŋ→n ə→e,
/// drop anything else outside ASCII), lower-cased, with letters and digits kept,
/// apostrophes removed (<c>L'Aquila</c> → <c>laquila</c>) and every other character a single
/// word separator (<c>St. Louis</c> → <c>st louis</c>).
/// </summary>
internal static class PlaceNameFolding
{
    public const byte Separator = (byte)' ';

    /// <summary>Upper bound of the key length for an input of <paramref name="length"/> chars after NFKD.</summary>
    public static int MaxKeyLength(int length) => length * 2;

    /// <summary>
    /// Folds <paramref name="text"/> into <paramref name="destination"/> (at least
    /// <see cref="MaxKeyLength"/> of the normalised length) and returns the key length.
    /// When <paramref name="wordStarts"/> is given it receives the index of each word start,
    /// including the position after a removed apostrophe (<c>laquila</c>: 0 and 1).
    /// </summary>
    public static int Fold(string text, Span<byte> destination, List<int>? wordStarts = null)
    {
        var normalized = IsAscii(text) ? text : text.Normalize(NormalizationForm.FormKD);
        if (destination.Length < MaxKeyLength(normalized.Length))
        {
            throw new ArgumentException("Destination too short for the folded key.", nameof(destination));
        }

        var length = 0;
        var pendingSeparator = false;
        var pendingWordStart = true;
        foreach (var c in normalized)
        {
            if (c < 0x80)
            {
                if (char.IsAsciiLetterOrDigit(c))
                {
                    Emit((byte)char.ToLowerInvariant(c), destination, ref length, ref pendingSeparator, ref pendingWordStart, wordStarts);
                }
                else if (c is '\'' or '`')
                {
                    pendingWordStart = true;
                }
                else
                {
                    pendingSeparator = true;
                    pendingWordStart = true;
                }

                continue;
            }

            var category = CharUnicodeInfo.GetUnicodeCategory(c);
            if (category == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            var mapped = Map(c);
            if (mapped.Length > 0)
            {
                foreach (var m in mapped)
                {
                    Emit((byte)m, destination, ref length, ref pendingSeparator, ref pendingWordStart, wordStarts);
                }
            }
            else if (IsApostrophe(c))
            {
                pendingWordStart = true;
            }
            else if (category is UnicodeCategory.DashPunctuation or UnicodeCategory.SpaceSeparator)
            {
                pendingSeparator = true;
                pendingWordStart = true;
            }

            // Anything else outside ASCII is dropped, as the gazetteer build does.
        }

        return length;
    }

    /// <summary>Folds <paramref name="text"/> to its key as a string (tests and diagnostics).</summary>
    public static string FoldToString(string text)
    {
        var buffer = new byte[MaxKeyLength(text.Normalize(NormalizationForm.FormKD).Length)];
        var length = Fold(text, buffer);
        return Encoding.ASCII.GetString(buffer, 0, length);
    }

    /// <summary>
    /// The key with German transliterations undone (<c>ue→u</c>, <c>oe→o</c>, <c>ae→a</c>), so that
    /// <c>Koeln</c> finds <c>Köln</c> (folded <c>koln</c>); returns the new length, or -1 when
    /// the key has none of them.
    /// </summary>
    public static int UndoGermanTransliteration(ReadOnlySpan<byte> key, Span<byte> destination)
    {
        var length = 0;
        var changed = false;
        for (var i = 0; i < key.Length; i++)
        {
            var b = key[i];
            destination[length++] = b;
            if (b is (byte)'u' or (byte)'o' or (byte)'a' && i + 1 < key.Length && key[i + 1] == (byte)'e')
            {
                i++;
                changed = true;
            }
        }

        return changed ? length : -1;
    }

    private static void Emit(byte b, Span<byte> destination, ref int length, ref bool pendingSeparator, ref bool pendingWordStart, List<int>? wordStarts)
    {
        if (pendingSeparator && length > 0)
        {
            destination[length++] = Separator;
        }

        if (pendingWordStart)
        {
            wordStarts?.Add(length);
        }

        pendingSeparator = false;
        pendingWordStart = false;
        destination[length++] = b;
    }

    private static bool IsAscii(string text)
    {
        foreach (var c in text)
        {
            if (c >= 0x80)
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsApostrophe(char c) =>
        c is '\u02BB' or '\u02BC' or '\u2019' or '\u2018' or '\u02BF' or '\u02BE' or '\u00B4';

    private static string Map(char c) => c switch
    {
        'ß' or 'ẞ' => "ss",
        'æ' or 'Æ' => "ae",
        'œ' or 'Œ' => "oe",
        'ø' or 'Ø' => "o",
        'đ' or 'Đ' or 'ð' or 'Ð' => "d",
        'ł' or 'Ł' => "l",
        'þ' or 'Þ' => "th",
        'ı' => "i",
        'ħ' or 'Ħ' => "h",
        'ŧ' or 'Ŧ' => "t",
        'ŋ' or 'Ŋ' => "n",
        'ə' or 'Ə' => "e",
        _ => string.Empty,
    };
}
