using System.Net;
using System.Text.RegularExpressions;

namespace Astropal.Tests.TestSupport;

/// <summary>Posts server-rendered Blazor forms the way a browser does: with the antiforgery token and the form name.</summary>
public static partial class Forms
{
    public static async Task<HttpResponseMessage> PostFormAsync(
        HttpClient client, string pageUrl, string formName, IReadOnlyDictionary<string, string> fields)
    {
        var token = AntiforgeryTokenIn(await client.GetStringAsync(pageUrl));
        var values = new Dictionary<string, string>(fields)
        {
            ["_handler"] = formName,
            ["__RequestVerificationToken"] = token,
        };
        using var content = new FormUrlEncodedContent(values);
        return await client.PostAsync(pageUrl, content);
    }

    public static string AntiforgeryTokenIn(string html)
    {
        var token = AntiforgeryToken().Match(html);
        Assert.True(token.Success, "The page has no antiforgery token.");
        return WebUtility.HtmlDecode(token.Groups[1].Value);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();
}
