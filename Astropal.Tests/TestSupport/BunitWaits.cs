using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using Bunit;

namespace Astropal.Tests.TestSupport;

/// <summary>
/// bUnit's WaitForAssertion/WaitForState give up after 1 second by default, less than a render that reads SQLite
/// takes on a busy 2-core machine. They return as soon as the condition holds, so a long limit costs a passing test
/// nothing.
/// </summary>
internal static class BunitWaits
{
    public static readonly TimeSpan Limit = TimeSpan.FromSeconds(60);

    [ModuleInitializer]
    [SuppressMessage("Usage", "CA2255:The 'ModuleInitializer' attribute should not be used in libraries", Justification = "A test assembly: the one place to set bUnit's default before any test runs.")]
    internal static void UseLimit() => BunitContext.DefaultWaitTimeout = Limit;
}
