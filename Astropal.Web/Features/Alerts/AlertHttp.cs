namespace Astropal.Web.Features.Alerts;

/// <summary>Sends an alert request and turns the answer into a result with a specific reason.</summary>
internal static class AlertHttp
{
    public const int ErrorBodyLength = 200;

    public static async Task<AlertSendResult> SendAsync(HttpClient client, HttpRequestMessage request, CancellationToken cancellationToken)
    {
        try
        {
            using var response = await client.SendAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken);
            if (response.IsSuccessStatusCode)
            {
                return AlertSendResult.Sent;
            }

            var text = await response.Content.ReadAsStringAsync(cancellationToken);
            var excerpt = text.Length > ErrorBodyLength ? text[..ErrorBodyLength] : text;
            return AlertSendResult.Failure($"HTTP {(int)response.StatusCode} {response.ReasonPhrase}: {excerpt}".TrimEnd(' ', ':'));
        }
        catch (HttpRequestException ex)
        {
            return AlertSendResult.Failure(ex.Message);
        }
        catch (TaskCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            return AlertSendResult.Failure($"Timed out: {ex.Message}");
        }
    }
}
