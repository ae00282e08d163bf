namespace Astropal.Data;

public enum DatabaseProvider
{
    Sqlite,
    SqlServer,
}
