using NetArchTest.Rules;

namespace Ashyq.Core.Tests;

public class ArchitectureTests
{
    [Fact]
    public void Core_DependsOnNoWebStorageOrFileInfrastructure()
    {
        var result = Types.InAssembly(typeof(Ashyq.Core.Elections.ElectionDefinition).Assembly)
            .ShouldNot()
            .HaveDependencyOnAny("Microsoft.AspNetCore", "Microsoft.EntityFrameworkCore", "Npgsql", "Microsoft.Data.Sqlite", "System.Net.Http")
            .GetResult();

        Assert.True(result.IsSuccessful, "Core depends on infrastructure: " + string.Join(", ", result.FailingTypeNames ?? []));
    }
}
