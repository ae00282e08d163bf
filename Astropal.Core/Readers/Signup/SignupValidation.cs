using System.Globalization;

namespace Astropal.Core.Readers.Signup;

/// <summary>
/// Either the parsed sign-up or one or more problems per field (camelCase field names, as in the API).
/// </summary>
public sealed record SignupValidation(ValidSignup? Signup, IReadOnlyList<SignupProblem> Problems)
{
    public bool IsValid => Signup is not null;

    /// <summary>The messages per field in English: what the API answers.</summary>
    public IReadOnlyDictionary<string, string[]> Errors => ErrorsIn(SignupMessages.English);

    /// <summary>The messages per field in <paramref name="culture"/> (<c>es-ES</c>; English otherwise).</summary>
    public IReadOnlyDictionary<string, string[]> ErrorsIn(CultureInfo culture) =>
        SignupMessages.ByField(Problems, culture);
}
