namespace Astropal.Core.Email.Models;

/// <summary>A news headline retold through the reader's sky.</summary>
public sealed record NewsItem(string Headline, string Source, string Url, string Take);
