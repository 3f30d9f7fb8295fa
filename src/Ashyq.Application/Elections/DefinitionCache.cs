using Ashyq.Core.Elections;
using Ashyq.Storage.Model;

namespace Ashyq.Application.Elections;

/// <summary>Parses a stored definition once per stored election rather than once per request or action.</summary>
public sealed class DefinitionCache
{
    private readonly Lock _gate = new();
    private (int Id, DateTimeOffset CreatedAt, ElectionDefinition Definition)? _cached;

    public ElectionDefinition For(ElectionRow row)
    {
        lock (_gate)
        {
            if (_cached is { } c && c.Id == row.Id && c.CreatedAt == row.CreatedAt)
            {
                return c.Definition;
            }

            var definition = ElectionDefinitionLoader.Parse(row.DefinitionJson, row.DefinitionId);
            _cached = (row.Id, row.CreatedAt, definition);
            return definition;
        }
    }
}
