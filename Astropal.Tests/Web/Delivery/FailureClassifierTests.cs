using Astropal.Core.Email;
using Astropal.Web.Features.Delivery;
using Microsoft.Data.Sqlite;

namespace Astropal.Tests.Web.Delivery;

public sealed class FailureClassifierTests
{
    private static readonly Exception[] TransientFailures =
    [
        new TimeoutException("slow"),
        new HttpRequestException("connection reset"),
        new IOException("broken pipe"),
        new System.Net.Sockets.SocketException(10061),
        new SqliteException("database is locked", 5),
        new SqliteException("database table is locked", 6),
        new InvalidOperationException("wrapped", new TimeoutException("slow")),
    ];

    private static readonly Exception[] PermanentFailures =
    [
        new InvalidOperationException("Reader 1 has no complete birth data (date, place and zone); a daily email needs a natal chart."),
        new EmailTemplateException("Email text 'x' could not be filled"),
        new ArgumentException("No email texts for locale 'xx'"),
        new FileNotFoundException("emails/compiled/daily.html"),
        new SqliteException("UNIQUE constraint failed", 19),
        new KeyNotFoundException("segment missing from the dictionary"),
    ];

    [Fact]
    public void What_time_can_fix_is_transient() => Assert.All(TransientFailures, e => Assert.True(FailureClassifier.IsTransient(e), e.ToString()));

    [Fact]
    public void Bad_data_and_bugs_are_permanent() => Assert.All(PermanentFailures, e => Assert.False(FailureClassifier.IsTransient(e), e.ToString()));
}
