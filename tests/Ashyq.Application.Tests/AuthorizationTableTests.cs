using Ashyq.Application.Pipeline;
using Ashyq.Application.Results;
using Ashyq.Core.Commissions;

namespace Ashyq.Application.Tests;

public class AuthorizationTableTests
{
    private static readonly Type[] ActionTypes =
    [
        .. typeof(Actions).Assembly.GetTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false } && t.GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IAction<>))),
    ];

    [Fact]
    public void Every_action_has_a_row_in_the_one_table_and_a_handler()
    {
        Assert.NotEmpty(ActionTypes);
        Assert.All(ActionTypes, t => Assert.True(Authorization.Table.ContainsKey(t), $"{t.Name} has no row in Authorization.Table: nobody could take it."));
        var handled = typeof(Actions).Assembly.GetTypes()
            .SelectMany(t => t.IsAbstract ? [] : t.GetInterfaces())
            .Where(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IActionHandler<,>))
            .Select(i => i.GetGenericArguments()[0])
            .ToHashSet();
        Assert.All(ActionTypes, t => Assert.Contains(t, handled));
    }

    [Fact]
    public void Each_action_is_one_file_under_its_modules_folder()
    {
        var root = Path.Combine(Ashyq.Tests.Repo.Root, "src", "Ashyq.Application");
        Assert.All(ActionTypes, t =>
        {
            var module = t.Namespace!.Split('.')[^1];
            Assert.True(File.Exists(Path.Combine(root, module, t.Name + ".cs")), $"{t.Name} is not in src/Ashyq.Application/{module}/{t.Name}.cs");
        });
    }

    [Theory]
    [InlineData(AccountRole.Operator, "PEC-0001", true)]
    [InlineData(AccountRole.Operator, "DEC-001", true)]
    [InlineData(AccountRole.Operator, "PEC-0002", false)]
    [InlineData(AccountRole.Chair, "PEC-0001", false)]
    [InlineData(AccountRole.Administrator, "CEC", false)]
    public void Typing_is_for_the_precincts_operators_and_its_superiors(AccountRole role, string commission, bool allowed) =>
        Assert.Equal(allowed, Authorization.Allows<EnterProtocol>(new Caller("u", commission, role), new Target("PEC-0001", "DEC-001")));

    [Theory]
    [InlineData(AccountRole.Member, "DEC-001", true)]
    [InlineData(AccountRole.Chair, "DEC-001", true)]
    [InlineData(AccountRole.Operator, "DEC-001", false)]
    [InlineData(AccountRole.Chair, "PEC-0001", false)]
    [InlineData(AccountRole.Chair, "DEC-002", false)]
    [InlineData(AccountRole.Chair, "TEC-01", false)]
    public void Acceptance_is_for_the_superior_commissions_members_alone(AccountRole role, string commission, bool allowed)
    {
        var target = new Target("PEC-0001", "DEC-001");
        Assert.Equal(allowed, Authorization.Allows<AcceptProtocol>(new Caller("u", commission, role), target));
        Assert.Equal(allowed, Authorization.Allows<ReturnProtocol>(new Caller("u", commission, role), target));
    }

    [Fact]
    public void The_top_commission_has_no_superior_to_act_for_it() =>
        Assert.False(Authorization.Allows<AcceptProtocol>(new Caller("u", "", AccountRole.Chair), new Target("CEC", null)));
}
