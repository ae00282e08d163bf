using Astropal.Core.Places;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Astropal.Tests.Core.Places;

public sealed class PlacesFeatureTests
{
    [Fact]
    public void Registers_the_places_services_as_singletons()
    {
        using var provider = new ServiceCollection().AddLogging().AddAstropalPlaces().BuildServiceProvider(validateScopes: true);

        Assert.Same(provider.GetRequiredService<Gazetteer>(), provider.GetRequiredService<Gazetteer>());
        Assert.Same(provider.GetRequiredService<TimeZoneResolver>(), provider.GetRequiredService<TimeZoneResolver>());
        var moment = provider.GetRequiredService<BirthMomentResolver>().Resolve(new DateOnly(1990, 7, 15), new TimeOnly(12, 0), "Asia/Tokyo");
        Assert.Equal(new DateTimeOffset(1990, 7, 15, 3, 0, 0, TimeSpan.Zero), moment.UtcInstant);
    }

    [Fact]
    public async Task Preloads_the_gazetteer_in_the_background_when_the_host_starts()
    {
        using var provider = new ServiceCollection().AddLogging().AddAstropalPlaces().AddAstropalPlaces().BuildServiceProvider();
        var preloader = Assert.Single(provider.GetServices<IHostedService>().OfType<GazetteerPreloader>());

        await preloader.StartAsync(CancellationToken.None);

        Assert.Equal("Tokyo", provider.GetRequiredService<Gazetteer>().Search("tokyo", 1).Single().Name);
        await preloader.StopAsync(CancellationToken.None);
    }

    [Fact]
    public async Task A_failed_preload_is_logged_and_does_not_stop_the_host()
    {
        var logger = new FirstErrorLogger();
        var gazetteer = new Gazetteer(() => throw new InvalidDataException("cities.tsv.gz is damaged"));
        var preloader = new GazetteerPreloader(gazetteer, logger);

        await preloader.StartAsync(CancellationToken.None);

        var (message, error) = await logger.FirstError.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal("Gazetteer failed to load", message);
        Assert.IsType<InvalidDataException>(error);
        Assert.Throws<InvalidDataException>(() => gazetteer.Search("lon"));
    }

    private sealed class FirstErrorLogger : ILogger<GazetteerPreloader>
    {
        private readonly TaskCompletionSource<(string Message, Exception? Error)> first = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task<(string Message, Exception? Error)> FirstError => first.Task;

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (logLevel == LogLevel.Error)
            {
                first.TrySetResult((formatter(state, exception), exception));
            }
        }
    }
}
