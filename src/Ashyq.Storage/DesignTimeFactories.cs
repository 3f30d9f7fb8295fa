using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Ashyq.Storage;

// Used by `dotnet ef migrations add` only: each provider's migrations come from its own context.
internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteAshyqDbContext>
{
    public SqliteAshyqDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteAshyqDbContext>().UseSqlite("Data Source=design.db").Options);
}

internal sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresAshyqDbContext>
{
    public PostgresAshyqDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresAshyqDbContext>().UseNpgsql("Host=127.0.0.1;Database=design").Options);
}
