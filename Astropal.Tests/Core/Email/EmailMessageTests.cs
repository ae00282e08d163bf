using Astropal.Core.Email;
using Astropal.Tests.TestSupport;

namespace Astropal.Tests.Core.Email;

public sealed class EmailMessageTests
{
    [Fact]
    public void A_stable_message_id_is_the_same_for_the_same_key_in_the_sender_domain()
    {
        var first = EmailMessage.StableMessageId("delivery/42:daily 2026-11-26", "hello@astropal.app");
        var again = EmailMessage.StableMessageId("delivery/42:daily 2026-11-26", "hello@astropal.app");

        Assert.Equal(first, again);
        Assert.Equal("delivery-42-daily-2026-11-26@astropal.app", first);
        Assert.NotEqual(first, EmailMessage.StableMessageId("delivery/43:daily 2026-11-26", "hello@astropal.app"));
    }

    [Fact]
    public void A_message_from_a_rendered_email_carries_its_kind_parts_and_unsubscribe_url()
    {
        var rendered = new RenderedEmail(EmailTemplate.PerspectiveChanged, "Subject line here", "Preheader text long enough", "<p>h</p>", "t");

        var message = EmailMessage.FromRendered(rendered, "ada@example.test", "Ada", "id-1@astropal.test", EmailSamples.UnsubscribeUrl);

        Assert.Equal("perspective-changed", message.Kind);
        Assert.Equal(("Subject line here", "<p>h</p>", "t"), (message.Subject, message.Html, message.Text));
        Assert.Equal(EmailSamples.UnsubscribeUrl, message.UnsubscribeUrl);
        Assert.Empty(message.Headers);
    }
}
