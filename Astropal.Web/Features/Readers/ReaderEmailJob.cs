using Astropal.Core.Readers.Signup;

namespace Astropal.Web.Features.Readers;

/// <summary>Work for <see cref="ReaderEmailWorker"/>: whatever depends on the address happens there, after the answer.</summary>
public abstract record ReaderEmailJob
{
    /// <summary>Short name for logs (never the address).</summary>
    public abstract string Kind { get; }

    /// <summary>A valid sign-up: store or keep the details, then the confirmation email or a sign-in link.</summary>
    public sealed record Signup(ValidSignup Details, DateTimeOffset SubmittedAt) : ReaderEmailJob
    {
        public override string Kind => "sign-up";
    }

    /// <summary>"Email me a new link" (or the portal's "send me a sign-in link"): a one-time link if the address may have one.</summary>
    public sealed record SignInLink(string Email) : ReaderEmailJob
    {
        public override string Kind => "sign-in-link";
    }
}
