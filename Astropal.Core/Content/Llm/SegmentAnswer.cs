using System.Text.Json;

namespace Astropal.Core.Content.Llm;

/// <summary>Reads and writes the JSON of a segment's content (the answer schema of <see cref="SegmentPrompts.Schema"/>).</summary>
public static class SegmentAnswer
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>The content of an answer, or null with the reason when it is not a JSON object of the schema's shape.</summary>
    public static GeneratedContent? TryParse(string? text, out string? problem)
    {
        problem = null;
        var json = Unfence(text);
        if (string.IsNullOrWhiteSpace(json))
        {
            problem = "the answer is empty; answer with one JSON object";
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(json);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                problem = "the answer is not a JSON object";
                return null;
            }

            var content = document.RootElement.Deserialize<GeneratedContent>(Json);
            if (content is null || content.Subject is null || content.Preheader is null || content.Snippet is null || content.Sections is null)
            {
                problem = "the JSON object lacks subject, preheader, snippet or sections";
                return null;
            }

            return content with { Sections = content.Sections.Where(s => s is not null).ToList() };
        }
        catch (JsonException e)
        {
            problem = $"the answer is not valid JSON of the schema ({e.Message.Split('.')[0]})";
            return null;
        }
    }

    public static string ToJson(GeneratedContent content) => JsonSerializer.Serialize(content, Json);

    public static GeneratedContent FromJson(string json) =>
        JsonSerializer.Deserialize<GeneratedContent>(json, Json) ?? throw new JsonException("The stored segment content is empty.");

    /// <summary>Some models wrap JSON in a Markdown fence even when asked not to.</summary>
    private static string? Unfence(string? text)
    {
        var trimmed = text?.Trim();
        if (trimmed is null || !trimmed.StartsWith("```", StringComparison.Ordinal))
        {
            return trimmed;
        }

        var firstLine = trimmed.IndexOf('\n', StringComparison.Ordinal);
        var end = trimmed.LastIndexOf("```", StringComparison.Ordinal);
        return firstLine > 0 && end > firstLine ? trimmed[(firstLine + 1)..end].Trim() : trimmed;
    }
}
