namespace Astropal.Core.Readers.Signup;

/// <summary>
/// A sign-up as typed on the page or posted to <c>POST /api/readers</c>. Values stay text until
/// validated so that every mistake ("2023-02-30", "8.30") gets its own field message.
/// </summary>
public sealed record SignupRequest
{
    public string? Email { get; init; }

    public string? Name { get; init; }

    /// <summary><c>yyyy-MM-dd</c>.</summary>
    public string? BirthDate { get; init; }

    /// <summary><c>HH:mm</c>, or null when the reader does not know it.</summary>
    public string? BirthTime { get; init; }

    /// <summary>GeoNames id picked from the gazetteer.</summary>
    public int? BirthPlaceId { get; init; }

    /// <summary>IANA zone the reader lives in (the browser's by default).</summary>
    public string? TimeZone { get; init; }

    /// <summary><c>HH:mm</c>, 05:00–10:00 on the hour or half hour; 06:00 when empty.</summary>
    public string? DeliveryTime { get; init; }

    /// <summary><c>en-US</c> (default) or <c>es-ES</c>.</summary>
    public string? Locale { get; init; }

    /// <summary><c>calm</c> (default), <c>knowledge</c>, <c>success</c> or <c>evidence</c>.</summary>
    public string? Perspective { get; init; }

    /// <summary>1–3 focus area ids, most important first.</summary>
    public IReadOnlyList<string>? FocusAreas { get; init; }

    public bool AcceptTerms { get; init; }

    public bool MarketingConsent { get; init; }

    public string? ReferralCode { get; init; }

    /// <summary>
    /// The token of an operator's invitation (<c>/start?invite=TOKEN</c>): the sign-up completes that invited
    /// reader, who is active at once (the invitation proved the mailbox). Null for an ordinary sign-up.
    /// </summary>
    public string? Invitation { get; init; }
}
