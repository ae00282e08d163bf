namespace Astropal.Core.Readers.Signup;

/// <summary>One rule a sign-up broke: the field, a message code and the values the message names.</summary>
/// <param name="Field">camelCase field name, as in the API (<c>birthDate</c>).</param>
/// <param name="Code">One of the <see cref="SignupMessages"/> codes; the key of the message in <c>SignupMessages.resx</c>.</param>
/// <param name="Arguments">Values for the message's <c>{0}</c>, <c>{1}</c>; a <see cref="FocusAreaId"/> is named in the message's language.</param>
public sealed record SignupProblem(string Field, string Code, IReadOnlyList<object> Arguments);

/// <summary>Receives a problem found in one field: the field's camelCase name, the message code and its arguments.</summary>
internal delegate void SignupProblemSink(string field, string code, params object[] arguments);
