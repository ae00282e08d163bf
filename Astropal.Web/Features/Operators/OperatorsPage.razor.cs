using System.Globalization;
using Astropal.Web.Features.Audit;
using Astropal.Web.Infrastructure.Identity;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;

namespace Astropal.Web.Features.Operators;

/// <summary><c>/ops/operators</c>: Admins list, invite and manage operators; every change goes through <see cref="OperatorAccounts"/> and is audited.</summary>
public sealed partial class OperatorsPage
{
    private readonly CancellationTokenSource _cancellation = new();
    private IReadOnlyList<OperatorRow>? _operators;
    private OperatorRow? _me;
    private string _actor = "unknown";
    private string? _inviteEmail;
    private string _inviteRole = OperatorRoles.Operator;
    private string? _message;
    private string? _error;
    private bool _busy;

    [CascadingParameter]
    private Task<AuthenticationState>? AuthenticationState { get; set; }

    protected override async Task OnInitializedAsync()
    {
        if (AuthenticationState is not null)
        {
            _actor = AuditLog.ActorOf((await AuthenticationState).User);
        }

        await LoadAsync();
    }

    private async Task LoadAsync()
    {
        _operators = await Service.ListAsync(_cancellation.Token);
        _me = _operators.FirstOrDefault(o => string.Equals(o.Email, _actor, StringComparison.OrdinalIgnoreCase));
    }

    private async Task InviteAsync()
    {
        _message = _error = null;
        if (string.IsNullOrWhiteSpace(_inviteEmail))
        {
            _error = "Enter the new operator's email.";
            return;
        }

        _busy = true;
        try
        {
            var result = await Service.InviteAsync(_inviteEmail, _inviteRole, _actor, _cancellation.Token);
            if (result.Succeeded)
            {
                _message = $"{_inviteEmail.Trim()} is invited as {_inviteRole}: they got an email to choose their password.";
                _inviteEmail = null;
            }
            else
            {
                _error = string.Join(" ", result.Errors);
            }

            await LoadAsync();
        }
        finally
        {
            _busy = false;
        }
    }

    private async Task RunAsync(OperatorRow op, Func<OperatorAccounts, Task<OperatorChangeResult>> change, string success)
    {
        _message = _error = null;
        _busy = true;
        try
        {
            var result = await change(Service);
            if (result.Succeeded)
            {
                _message = success;
            }
            else
            {
                _error = $"{op.Email}: {result.Error}";
            }

            await LoadAsync();
        }
        finally
        {
            _busy = false;
        }
    }

    private Task ChangeRoleAsync(OperatorRow op, string role) =>
        RunAsync(op, a => a.ChangeRoleAsync(op.Id, role, _actor, _cancellation.Token), $"{op.Email} is now {(role == OperatorRoles.Admin ? "an Admin" : "an Operator")}.");

    private Task SetDisabledAsync(OperatorRow op, bool disabled) =>
        RunAsync(op, a => a.SetDisabledAsync(op.Id, disabled, _actor, _cancellation.Token),
            disabled ? $"{op.Email} is disabled; their open sessions end." : $"{op.Email} is enabled again.");

    private Task ResetLockoutAsync(OperatorRow op) =>
        RunAsync(op, a => a.ResetLockoutAsync(op.Id, _actor, _cancellation.Token), $"{op.Email} may sign in again.");

    private Task ResetTwoFactorAsync(OperatorRow op) =>
        RunAsync(op, a => a.ResetTwoFactorAsync(op.Id, _actor, _cancellation.Token),
            $"Two-factor authentication of {op.Email} is reset: they set it up again at their next sign-in.");

    private Task ResendInvitationAsync(OperatorRow op) =>
        RunAsync(op, a => a.ResendInvitationAsync(op.Id, _actor, _cancellation.Token), $"A new invitation went to {op.Email}.");

    private static string State(OperatorRow op) => op switch
    {
        { IsDisabled: true } => "Disabled since " + Time(op.DisabledAt!.Value),
        { LockedOutUntil: { } until } => "Locked until " + Time(until),
        { HasPassword: false } => "Invited",
        _ => "Active",
    };

    private static string Time(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _cancellation.Cancel();
            _cancellation.Dispose();
        }

        base.Dispose(disposing);
    }
}
