using System.Reflection;
using NetArchTest.Rules;

namespace Ashyq.Cli.Tests;

/// <summary>
/// The arrows point one way: Web and Cli → Application → Storage → Core. These tests read the compiled assemblies, so a
/// forbidden reference fails here whatever the file it is written in.
/// </summary>
public class ArchitectureTests
{
    private static readonly Assembly Core = typeof(Ashyq.Core.Elections.ElectionDefinition).Assembly;
    private static readonly Assembly Storage = typeof(Ashyq.Storage.AshyqDbContext).Assembly;
    private static readonly Assembly Application = typeof(Ashyq.Application.Pipeline.Actions).Assembly;
    private static readonly Assembly Web = typeof(Ashyq.Web.WebHostSettings).Assembly;
    private static readonly Assembly Cli = typeof(AshyqCommand).Assembly;

    /// <summary>The screens, endpoints and commands that still read the store themselves (tests/Ashyq.Cli.Tests/store-readers.txt).</summary>
    private static readonly HashSet<string> StillReadingTheStore =
        [.. File.ReadAllLines(Path.Combine(Ashyq.Tests.Repo.Root, "tests", "Ashyq.Cli.Tests", "store-readers.txt")).Where(l => l.Length > 0 && !l.StartsWith('#'))];

    private static string Outer(Type type) => (type.FullName ?? type.Name).Split('+')[0];

    [Fact]
    public void Application_depends_on_no_web_or_command_line_code()
    {
        var result = Types.InAssembly(Application).ShouldNot()
            .HaveDependencyOnAny("Ashyq.Web", "Ashyq.Cli", "Microsoft.AspNetCore.Http", "Microsoft.AspNetCore.Components", "System.CommandLine")
            .GetResult();
        Assert.True(result.IsSuccessful, "Application depends on Web or Cli: " + string.Join(", ", result.FailingTypeNames ?? []));
    }

    [Fact]
    public void Storage_and_Core_depend_on_nothing_above_them()
    {
        var storage = Types.InAssembly(Storage).ShouldNot().HaveDependencyOnAny("Ashyq.Application", "Ashyq.Web", "Ashyq.Cli").GetResult();
        Assert.True(storage.IsSuccessful, "Storage depends on a layer above it: " + string.Join(", ", storage.FailingTypeNames ?? []));
        var core = Types.InAssembly(Core).ShouldNot()
            .HaveDependencyOnAny("Ashyq.Storage", "Ashyq.Application", "Ashyq.Web", "Ashyq.Cli", "Microsoft.EntityFrameworkCore", "Microsoft.AspNetCore", "Npgsql")
            .GetResult();
        Assert.True(core.IsSuccessful, "Core depends on infrastructure or a layer above it: " + string.Join(", ", core.FailingTypeNames ?? []));
    }

    [Fact]
    public void The_results_screens_and_endpoints_take_their_steps_through_the_pipeline_only()
    {
        // None of them may call the results service's write paths, which would bypass authorization and the audit.
        var result = Types.InAssembly(Web).That().ResideInNamespaceStartingWith("Ashyq.Web")
            .ShouldNot().HaveDependencyOnAny("Ashyq.Core.Results.ResultsPermissions")
            .GetResult();
        Assert.True(result.IsSuccessful, string.Join(", ", result.FailingTypeNames ?? []));
        var writers = new[] { "ActAsync", "StartCorrectionAsync", "AdoptProtocolAsync" };
        var calls = Web.GetTypes().Concat(Cli.GetTypes())
            .SelectMany(t => t.GetMethods(BindingFlags.Instance | BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly)
                .Where(m => m.GetMethodBody() is not null)
                .Where(m => CallsAny(m, writers))
                .Select(m => $"{Outer(t)}.{m.Name}"))
            .Distinct()
            .ToList();
        Assert.True(calls.Count == 0, "These call a results write path directly instead of an action: " + string.Join(", ", calls));
    }

    [Fact]
    public void No_new_screen_endpoint_or_command_reads_the_store_itself_and_the_list_of_those_that_do_only_shrinks()
    {
        var readers = Types.InAssemblies([Web, Cli])
            .That().HaveDependencyOnAny("Ashyq.Storage.AshyqDbContext", "Microsoft.EntityFrameworkCore")
            .GetTypes()
            .Select(Outer)
            .Where(n => n != "Ashyq.Web.AshyqWebHost" && !n.StartsWith("Ashyq.Web.Accounts.", StringComparison.Ordinal))
            .ToHashSet();
        var added = readers.Except(StillReadingTheStore).Order().ToList();
        Assert.True(added.Count == 0, "These read the store themselves; take an action or an application query instead: " + string.Join(", ", added));
        var gone = StillReadingTheStore.Except(readers).Order().ToList();
        Assert.True(gone.Count == 0, "These no longer read the store: remove them from store-readers.txt: " + string.Join(", ", gone));
    }

    private static bool CallsAny(MethodInfo method, string[] names)
    {
        var il = method.GetMethodBody()!.GetILAsByteArray() ?? [];
        for (var i = 0; i + 4 < il.Length; i++)
        {
            if (il[i] is not (0x28 or 0x6F))
            {
                continue;
            }

            try
            {
                var token = BitConverter.ToInt32(il, i + 1);
                var called = method.Module.ResolveMethod(token, method.DeclaringType?.GetGenericArguments(), method.IsGenericMethod ? method.GetGenericArguments() : null);
                if (called?.DeclaringType == typeof(Ashyq.Storage.ResultsService) && names.Contains(called.Name))
                {
                    return true;
                }
            }
            catch (Exception e) when (e is ArgumentException or BadImageFormatException)
            {
                // Not a method token at this offset.
            }
        }

        return false;
    }
}
