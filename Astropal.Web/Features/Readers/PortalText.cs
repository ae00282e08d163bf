using System.Globalization;
using Astropal.Core.Readers;
using Astropal.Core.Readers.Signup;
using Microsoft.Extensions.Localization;

namespace Astropal.Web.Features.Readers;

/// <summary>Texts the portal pages share, from <c>Resources/Features/Readers/Portal*.resx</c>.</summary>
internal static class PortalText
{
    /// <summary>05:00 to 10:00 every half hour (the sign-up rule).</summary>
    public static IReadOnlyList<string> DeliveryTimes { get; } = Enumerable
        .Range(0, (int)((SignupValidator.LatestDelivery - SignupValidator.EarliestDelivery).TotalMinutes / 30) + 1)
        .Select(i => SignupValidator.EarliestDelivery.AddMinutes(30 * i).ToString("HH:mm", CultureInfo.InvariantCulture))
        .ToArray();

    public static string PerspectiveName(IStringLocalizer localizer, Perspective perspective) =>
        localizer[$"Perspective.{perspective.Slug}.Name"];

    public static string PerspectiveSample(IStringLocalizer localizer, Perspective perspective) =>
        localizer[$"Perspective.{perspective.Slug}.Sample"];

    public static string FocusName(IStringLocalizer localizer, FocusArea focus) =>
        localizer[$"Focus.{focus.Slug}"];

    /// <summary>A field's message in the reader's language; the validator decided that the value breaks the sign-up rule.</summary>
    public static string FieldError(IStringLocalizer localizer, string field) => localizer[$"Invalid.{field}"];
}
