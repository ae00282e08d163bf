using Astropal.Web.Infrastructure.Observability;
using Sentry;

namespace Astropal.Tests.Web.Observability;

public sealed class SentryRedactionTests
{
    [Fact]
    public void An_event_keeps_its_addresses_with_every_token_replaced()
    {
        var sentryEvent = new SentryEvent
        {
            Message = new SentryMessage { Message = "Failed on /u/SeCrEt1", Formatted = "Failed on /u/SeCrEt1" },
        };
        sentryEvent.Request.Url = "https://astropal.test/t/c/SeCrEt2";
        sentryEvent.Request.QueryString = "?t=SeCrEt3&culture=es-ES";
        sentryEvent.Request.Headers["Referer"] = "https://astropal.test/me/perspective/calm?t=SeCrEt4";

        var scrubbed = SentryRedaction.Scrub(sentryEvent);

        Assert.Equal("https://astropal.test/t/c/***", scrubbed.Request.Url);
        Assert.Equal("?t=***&culture=es-ES", scrubbed.Request.QueryString);
        Assert.Equal("https://astropal.test/me/perspective/calm?t=***", scrubbed.Request.Headers["Referer"]);
        Assert.Equal("Failed on /u/***", scrubbed.Message!.Formatted);
    }

    [Fact]
    public void A_breadcrumb_from_a_request_log_loses_its_token()
    {
        var breadcrumb = new Breadcrumb(
            "Request starting HTTP/1.1 GET http://localhost/start/confirm?t=SeCrEt5 - - -",
            "default",
            new Dictionary<string, string> { ["QueryString"] = "?t=SeCrEt5", ["Path"] = "/t/o/SeCrEt6" });

        var scrubbed = SentryRedaction.Scrub(breadcrumb);

        Assert.Equal("Request starting HTTP/1.1 GET http://localhost/start/confirm?t=*** - - -", scrubbed.Message);
        Assert.Equal("?t=***", scrubbed.Data!["QueryString"]);
        Assert.Equal("/t/o/***", scrubbed.Data["Path"]);
    }
}
