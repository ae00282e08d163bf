using Astropal.Core.Email;
using Astropal.Web.Infrastructure.Email;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Astropal.Tests.Integration.Email;

public sealed class SendRateLimiterTests
{
    [Fact]
    public async Task Sends_are_spaced_to_the_maximum_per_second()
    {
        var time = new FakeTimeProvider();
        var limiter = new SendRateLimiter(Options.Create(new EmailOptions { MaxPerSecond = 10 }), time);

        var first = limiter.WaitAsync(CancellationToken.None).AsTask();
        var second = limiter.WaitAsync(CancellationToken.None).AsTask();
        var third = limiter.WaitAsync(CancellationToken.None).AsTask();

        Assert.True(first.IsCompleted);
        Assert.False(second.IsCompleted);
        time.Advance(TimeSpan.FromMilliseconds(100));
        await second;
        Assert.False(third.IsCompleted);
        time.Advance(TimeSpan.FromMilliseconds(100));
        await third;
    }

    [Fact]
    public void Zero_means_no_limit()
    {
        var limiter = new SendRateLimiter(Options.Create(new EmailOptions { MaxPerSecond = 0 }), new FakeTimeProvider());

        Assert.All(Enumerable.Range(0, 100), _ => Assert.True(limiter.WaitAsync(CancellationToken.None).AsTask().IsCompleted));
    }
}
