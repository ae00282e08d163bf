using System.Globalization;
using Astropal.Core.Branding;
using Astropal.Core.Places;
using Astropal.Core.Readers;
using Astropal.Core.Readers.Signup;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Astropal.Web.Features.Readers;

/// <summary>
/// <c>/me</c>: the reader's preferences portal (static server rendering, one antiforgery form per
/// action, post-redirect-get after each change). <c>/me?t=TOKEN</c> starts a session from an email
/// link and redirects to <c>/me</c> without the token; a one-time sign-in link asks for a click first.
/// </summary>
public sealed partial class Portal
{
    private static readonly string[] Notices = ["perspective", "preferences", "paused", "resumed", "unsubscribed", "unchanged", "signed-in", "link-sent", "sign-in-needed", "notices-on", "notices-off", "checkout", "checkout-cancelled"];

    private Reader? _reader;
    private ReaderSessionInfo? _session;
    private bool _signInNeeded;
    private string? _problem;
    private IReadOnlyDictionary<string, string[]> _errors = new Dictionary<string, string[]>();

    [Inject]
    private PortalService Portals { get; set; } = default!;

    [Inject]
    private ReaderAccess Access { get; set; } = default!;

    [Inject]
    private Gazetteer Places { get; set; } = default!;

    [Inject]
    private ReaderEmailBacklog EmailBacklog { get; set; } = default!;

    [Inject]
    private TimeProvider Clock { get; set; } = default!;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    [Inject]
    private IStringLocalizer<Portal> L { get; set; } = default!;

    [Inject]
    private IOptions<BrandOptions> BrandOptions { get; set; } = default!;

    [CascadingParameter]
    private HttpContext HttpContext { get; set; } = default!;

    [SupplyParameterFromQuery(Name = "t")]
    private string? T { get; set; }

    [SupplyParameterFromQuery(Name = "done")]
    private string? Done { get; set; }

    [SupplyParameterFromForm(FormName = "perspective")]
    private PerspectiveForm? PerspectiveInput { get; set; }

    [SupplyParameterFromForm(FormName = "preferences")]
    private PreferencesForm? PreferencesInput { get; set; }

    [SupplyParameterFromForm(FormName = "notices")]
    private NoticesForm? NoticesInput { get; set; }

    private string SignInAction => $"{PortalPaths.Home}?t={Uri.EscapeDataString(T ?? "")}";

    private string? Notice => Done is { } done && Notices.Contains(done, StringComparer.Ordinal) ? L[$"Done.{done}"].Value : null;

    private CancellationToken Aborted => HttpContext.RequestAborted;

    /// <summary>The data export and account deletion need a session from a one-time sign-in link of the last 15 minutes.</summary>
    private bool MayExportOrDelete => _session?.MayExportOrDelete(Clock.GetUtcNow()) == true;

    protected override async Task OnInitializedAsync()
    {
        if (T is not null)
        {
            // A GET never uses up a one-time link (mail scanners follow links); the button's POST does.
            if (HttpMethods.IsGet(HttpContext.Request.Method))
            {
                var check = await Access.CheckAsync(T, Aborted);
                if (!check.IsValid)
                {
                    Navigation.NavigateTo(PortalPaths.LinkFor(check.Reason));
                }
                else if (check.Kind == PortalLinkKind.EmailLink)
                {
                    await StartSessionAsync(check.ReaderId, linkSignIn: false);
                }
                else
                {
                    _signInNeeded = true;
                }

                return;
            }

            // The POST of the button: the form has to be on the page for its handler to run.
            _signInNeeded = true;
            return;
        }

        var session = _session = await ReaderSession.ReadAsync(HttpContext);
        _reader = session is { } s ? await Portals.FindAsync(s.ReaderId, Aborted) : null;
        if (_reader is null)
        {
            if (session is not null)
            {
                await ReaderSession.SignOutAsync(HttpContext);
            }

            // A GET goes to the new-link page now; a post first has to reach its form's handler, which sends it there.
            if (HttpMethods.IsGet(HttpContext.Request.Method))
            {
                Navigation.NavigateTo(PortalPaths.LinkFor("signed-out"));
            }
        }
    }

    /// <summary>True (and on its way to the new-link page) when a form was posted without a session.</summary>
    [System.Diagnostics.CodeAnalysis.MemberNotNullWhen(false, nameof(_reader))]
    private bool SessionEnded()
    {
        if (_reader is not null)
        {
            return false;
        }

        Navigation.NavigateTo(PortalPaths.LinkFor("signed-out"));
        return true;
    }

    private async Task SignInAsync()
    {
        var check = await Access.RedeemAsync(T, Aborted);
        if (!check.IsValid)
        {
            Navigation.NavigateTo(PortalPaths.LinkFor(check.Reason));
            return;
        }

        await StartSessionAsync(check.ReaderId, linkSignIn: true);
    }

    /// <summary>Opens the session; <paramref name="linkSignIn"/> when a one-time sign-in link (not an ordinary email's link) opened it.</summary>
    private async Task StartSessionAsync(Guid readerId, bool linkSignIn)
    {
        var reader = await Portals.FindAsync(readerId, Aborted);
        if (reader is null)
        {
            Navigation.NavigateTo(PortalPaths.LinkFor("unknown"));
            return;
        }

        await ReaderSession.SignInAsync(HttpContext, reader, linkSignIn ? Clock.GetUtcNow() : null);
        await Portals.TouchAsync(reader.Id, Aborted);
        Navigation.NavigateTo($"{PortalPaths.Home}?done=signed-in");
    }

    private async Task ChangePerspectiveAsync()
    {
        if (SessionEnded())
        {
            return;
        }

        var outcome = await Portals.ChangePerspectiveAsync(_reader.Id, PerspectiveInput?.Perspective, "portal", Aborted);
        await AfterAsync(outcome, "perspective");
    }

    private async Task SavePreferencesAsync()
    {
        if (SessionEnded())
        {
            return;
        }

        var input = PreferencesInput ?? new PreferencesForm();
        var request = new PreferencesRequest
        {
            FocusAreas = new[] { input.Focus1, input.Focus2, input.Focus3 }.Where(f => !string.IsNullOrWhiteSpace(f)).Select(f => f!).ToList(),
            DeliveryTime = input.DeliveryTime,
            TimeZone = input.TimeZone,
            Locale = input.Locale,
        };
        var outcome = await Portals.UpdatePreferencesAsync(_reader.Id, request, Aborted);
        if (outcome.Kind == PortalOutcomeKind.Changed && await Portals.FindAsync(_reader.Id, Aborted) is { } updated)
        {
            // The session carries the locale the portal speaks; a new one takes effect on the next page.
            await ReaderSession.SignInAsync(HttpContext, updated, _session?.LinkSignInAt);
        }

        await AfterAsync(outcome, "preferences");
    }

    /// <summary>Service notices on or off: an unticked box posts nothing, so anything but "true" is off.</summary>
    private async Task SaveNoticesAsync()
    {
        if (SessionEnded())
        {
            return;
        }

        var on = NoticesInput?.On == true;
        await AfterAsync(await Portals.SetServiceNoticesAsync(_reader.Id, on, Aborted), on ? "notices-on" : "notices-off");
    }

    /// <summary>"Email me a sign-in link" for the export and deletion: queued, to the reader's own address, within its hourly limit.</summary>
    private Task SendSignInLinkAsync()
    {
        if (SessionEnded())
        {
            return Task.CompletedTask;
        }

        if (_reader.Email is { } email)
        {
            EmailBacklog.TryEnqueue(new ReaderEmailJob.SignInLink(email));
        }

        Navigation.NavigateTo($"{PortalPaths.Home}?done=link-sent");
        return Task.CompletedTask;
    }

    private Task PauseAsync() => ChangeSubscriptionAsync(SubscriptionChange.Pause, "paused");

    private Task ResumeAsync() => ChangeSubscriptionAsync(SubscriptionChange.Resume, "resumed");

    private Task UnsubscribeAsync() => ChangeSubscriptionAsync(SubscriptionChange.Unsubscribe, "unsubscribed");

    private async Task ChangeSubscriptionAsync(SubscriptionChange change, string done)
    {
        if (SessionEnded())
        {
            return;
        }

        await AfterAsync(await Portals.ChangeSubscriptionAsync(_reader.Id, change, Aborted), done);
    }

    /// <summary>Post-redirect-get after a change; a mistake is shown on the page with a 400 and nothing stored.</summary>
    private async Task AfterAsync(PortalOutcome outcome, string done)
    {
        switch (outcome.Kind)
        {
            case PortalOutcomeKind.Changed:
                Navigation.NavigateTo($"{PortalPaths.Home}?done={done}");
                break;
            case PortalOutcomeKind.Unchanged:
                Navigation.NavigateTo($"{PortalPaths.Home}?done=unchanged");
                break;
            case PortalOutcomeKind.Invalid:
                _errors = outcome.Errors;
                _problem = L["Problem.Fields"];
                HttpContext.Response.StatusCode = StatusCodes.Status400BadRequest;
                break;
            case PortalOutcomeKind.NotAllowed:
                _problem = L["Problem.NotAllowed"];
                HttpContext.Response.StatusCode = StatusCodes.Status409Conflict;
                break;
            default:
                await ReaderSession.SignOutAsync(HttpContext);
                Navigation.NavigateTo(PortalPaths.LinkFor("signed-out"));
                break;
        }
    }

    private string? ErrorFor(string field) => _errors.ContainsKey(field) ? PortalText.FieldError(L, field) : null;

    private string StatusText(Reader reader)
    {
        var time = Hhmm(reader.DeliveryTime);
        string text = reader.Status switch
        {
            ReaderStatus.Active => L["Status.Active", time, reader.TimeZone],
            ReaderStatus.Paused => L["Status.Paused"],
            ReaderStatus.Unsubscribed => L["Status.Unsubscribed"],
            ReaderStatus.Bounced => L["Status.Bounced"],
            _ => L["Status.Pending"],
        };
        if (reader is { Tier: Core.Billing.Tier.Trial, TrialEndsAt: { } ends })
        {
            var zone = TimeZoneInfo.TryFindSystemTimeZoneById(reader.TimeZone, out var found) ? found : TimeZoneInfo.Utc;
            text += " " + L["Status.Trial", TimeZoneInfo.ConvertTime(ends, zone).ToString("D", CultureInfo.CurrentCulture)];
        }

        return text;
    }

    private IEnumerable<string> ZoneChoices(string current) =>
        Places.TimeZoneIds.Contains(current, StringComparer.Ordinal)
            ? Places.TimeZoneIds.Order(StringComparer.Ordinal)
            : Places.TimeZoneIds.Append(current).Order(StringComparer.Ordinal);

    private static string Hhmm(TimeOnly time) => time.ToString("HH:mm", CultureInfo.InvariantCulture);

    private sealed class PerspectiveForm
    {
        public string? Perspective { get; set; }
    }

    private sealed class NoticesForm
    {
        public bool On { get; set; }
    }

    private sealed class PreferencesForm
    {
        public string? Focus1 { get; set; }

        public string? Focus2 { get; set; }

        public string? Focus3 { get; set; }

        public string? DeliveryTime { get; set; }

        public string? TimeZone { get; set; }

        public string? Locale { get; set; }
    }
}
