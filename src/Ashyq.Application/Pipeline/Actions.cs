using System.Collections.Concurrent;
using System.Reflection;
using Ashyq.Application.Elections;
using Ashyq.Core.Audit;
using Ashyq.Core.Results;
using Ashyq.Storage;
using Microsoft.EntityFrameworkCore;

namespace Ashyq.Application.Pipeline;

/// <summary>
/// The one door every action goes through — from a Razor page, an API endpoint, a command or a simulation alike:
/// <list type="number">
/// <item>the election the store holds, and the commission the action concerns (its handler says which);</item>
/// <item>authorization by the one table (<see cref="Authorization"/>): a denied attempt is audited and refused with
/// <c>AUTH.FORBIDDEN</c> before anything is read for it;</item>
/// <item>the handler's work in one transaction: the Core aggregate's step, its audit events and its log entries commit
/// together or not at all;</item>
/// <item>a refusal (a <see cref="RuleViolation"/> with its code) undoes the work and is itself audited, in a write of
/// its own that the undone work cannot take with it.</item>
/// </list>
/// </summary>
public sealed class Actions(AshyqDbContext db, DefinitionCache definitions, TimeProvider time)
{
    private static readonly ConcurrentDictionary<Type, MethodInfo> Runners = new();

    /// <summary>Every action's handler, by the action's type: handlers hold no state, so one instance serves every call.</summary>
    private static readonly Dictionary<Type, object> Handlers = typeof(Actions).Assembly.GetTypes()
        .Where(t => t is { IsClass: true, IsAbstract: false })
        .SelectMany(t => t.GetInterfaces().Where(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IActionHandler<,>)).Select(i => (Action: i.GetGenericArguments()[0], Handler: t)))
        .ToDictionary(x => x.Action, x => Activator.CreateInstance(x.Handler, nonPublic: true)!);

    private Storage.Model.ElectionRow? _election;

    /// <summary>Whether this pipeline has audited a denial or a refusal (the web's catch-all for 403s then records none again).</summary>
    public bool RefusalAudited { get; private set; }

    /// <summary>The pipeline over a store of its own, for a command or a simulation that composes no services.</summary>
    public Actions(AshyqDbContext db, TimeProvider time)
        : this(db, new DefinitionCache(), time)
    {
    }

    /// <summary>Runs <paramref name="action"/> for <paramref name="caller"/>; a refusal is thrown as the <see cref="RuleViolation"/> it is.</summary>
    public Task<TResult> RunAsync<TResult>(IAction<TResult> action, Caller caller, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(action);
        var runner = Runners.GetOrAdd(action.GetType(), type =>
            typeof(Actions).GetMethod(nameof(RunTypedAsync), BindingFlags.NonPublic | BindingFlags.Instance)!.MakeGenericMethod(type, typeof(TResult)));
        return (Task<TResult>)runner.Invoke(this, [action, caller, ct])!;
    }

    /// <summary>The name an action is audited under: its type's name in kebab case (<c>AcceptProtocol</c> → <c>accept-protocol</c>).</summary>
    public static string NameOf(Type action) =>
        string.Concat(action.Name.Select((c, i) => char.IsUpper(c) && i > 0 ? "-" + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));

    private async Task<TResult> RunTypedAsync<TAction, TResult>(TAction action, Caller caller, CancellationToken ct)
        where TAction : IAction<TResult>
    {
        var handler = (IActionHandler<TAction, TResult>)Handlers[typeof(TAction)];
        var name = NameOf(typeof(TAction));
        var election = _election ??= await new ElectionQueries(db).ElectionAsync(ct) ?? throw new NoElection();
        var context = new ActionContext(db, election, definitions.For(election), time, caller);
        Target target;
        try
        {
            target = await handler.TargetAsync(action, context, ct);
            context.Target = target;
        }
        catch (RuleViolation refusal)
        {
            await AuditAsync(AuditEvents.ActionRefused, caller, name, caller.Commission, $"{refusal.Code}: {refusal.Message}", ct);
            throw;
        }

        if (!Authorization.Allows<TAction>(caller, target))
        {
            await AuditAsync(AuditEvents.AccessDenied, caller, name, target.Commission, $"AUTH.FORBIDDEN: {caller.Role} of {caller.Commission}", ct);
            throw new AccessDenied(name.Replace('-', ' '), target.Commission);
        }

        try
        {
            var strategy = db.Database.CreateExecutionStrategy();
            return await strategy.ExecuteAsync(async () =>
            {
                await using var transaction = await db.Database.BeginTransactionAsync(ct);
                var result = await handler.HandleAsync(action, context, ct);
                await db.SaveChangesAsync(ct);
                await transaction.CommitAsync(ct);
                db.ChangeTracker.Clear();
                return result;
            });
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            var refusal = new ConcurrentChange();
            await AuditAsync(AuditEvents.ActionRefused, caller, name, target.Commission, $"{refusal.Code}: {refusal.Message}", ct);
            throw refusal;
        }
        catch (RuleViolation refusal)
        {
            db.ChangeTracker.Clear();
            await AuditAsync(AuditEvents.ActionRefused, caller, name, target.Commission, $"{refusal.Code}: {refusal.Message}", ct);
            throw;
        }
    }

    /// <summary>An event of the pipeline's own, written alone: the action it is about left nothing else behind.</summary>
    private async Task AuditAsync(AuditEvent auditEvent, Caller caller, string action, string commission, string detail, CancellationToken ct)
    {
        Audit.Record(db, auditEvent, caller.User, caller.Commission, $"{action} {commission}", detail, time.GetUtcNow(), AuditDisposition.Failure);
        RefusalAudited = true;
        await db.SaveChangesAsync(CancellationToken.None);
        db.ChangeTracker.Clear();
        ct.ThrowIfCancellationRequested();
    }
}
