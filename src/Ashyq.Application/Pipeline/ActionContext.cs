using Ashyq.Core.Elections;
using Ashyq.Storage;
using Ashyq.Storage.Model;

namespace Ashyq.Application.Pipeline;

/// <summary>What an action's handler works with: the store, the election it runs, the clock and the caller.</summary>
public sealed class ActionContext(AshyqDbContext db, ElectionRow election, ElectionDefinition definition, TimeProvider time, Caller caller)
{
    public AshyqDbContext Db => db;

    public ElectionRow Election => election;

    public ElectionDefinition Definition => definition;

    public TimeProvider Time => time;

    public Caller Caller => caller;

    /// <summary>The commission the action is taken on, as its handler named it and the pipeline authorized it.</summary>
    public Target Target { get; internal set; } = new("", null);

    public ResultsService Results => field ??= new ResultsService(db, definition, time);

    public SessionsService Sessions => field ??= new SessionsService(db, definition, time);
}
