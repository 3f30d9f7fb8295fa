using Ashyq.Core.Transparency;
using Ashyq.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Ashyq.Web.Api;

/// <summary>A proof as the API returns it: the sizes and index it is about, and its hashes in base64, in RFC 6962 order.</summary>
public sealed record ProofDto(long Size, long? Index, long? FromSize, string Root, IReadOnlyList<string> Hashes);

/// <summary>A log entry: its index, what it records, and the record's bytes as text.</summary>
public sealed record LogEntryDto(long Index, string Kind, string Subject, int Version, string LeafHash, string Record);

/// <summary>
/// The transparency log's proofs over HTTP, computed from the stored leaves: an entry's inclusion in the tree
/// of a given size, and the consistency of two sizes (RFC 6962 / RFC 9162). Anyone checks them against a signed
/// checkpoint with any RFC 6962 implementation.
/// </summary>
public static class LogApi
{
    public static IEndpointRouteBuilder MapLogApi(this IEndpointRouteBuilder endpoints)
    {
        var log = endpoints.MapGroup("/api/log").WithTags("Transparency log");
        log.MapGet("/entries/{index:long}", EntryAsync).WithSummary("A log entry and its record");
        log.MapGet("/proof/inclusion", InclusionAsync).WithSummary("The inclusion proof of entry `index` in the tree of `size` entries");
        log.MapGet("/proof/consistency", ConsistencyAsync).WithSummary("The consistency proof from the tree of `from` entries to the tree of `to` entries");
        return endpoints;
    }

    private static async Task<Results<Ok<LogEntryDto>, ProblemHttpResult>> EntryAsync(long index, AshyqDbContext db, CancellationToken ct)
    {
        var entry = await db.LogEntries.AsNoTracking().FirstOrDefaultAsync(e => e.Index == index, ct);
        return entry is null
            ? TypedResults.Problem($"The log has no entry {index}.", statusCode: StatusCodes.Status404NotFound, title: "LOG.NO-ENTRY")
            : TypedResults.Ok(new LogEntryDto(entry.Index, entry.Kind, entry.Subject, entry.Version, Convert.ToBase64String(entry.LeafHash), System.Text.Encoding.UTF8.GetString(entry.Record)));
    }

    private static async Task<Results<Ok<ProofDto>, ProblemHttpResult>> InclusionAsync(long index, long size, AshyqDbContext db, CancellationToken ct)
    {
        var tree = await TreeAsync(db, size, ct);
        if (tree is null || index < 0 || index >= size)
        {
            return TypedResults.Problem($"No entry {index} in a tree of {size}.", statusCode: StatusCodes.Status400BadRequest, title: "LOG.BAD-RANGE");
        }

        return TypedResults.Ok(new ProofDto(size, index, null, Convert.ToBase64String(tree.Root(size)), [.. tree.InclusionProof(index, size).Select(Convert.ToBase64String)]));
    }

    private static async Task<Results<Ok<ProofDto>, ProblemHttpResult>> ConsistencyAsync(long from, long to, AshyqDbContext db, CancellationToken ct)
    {
        var tree = await TreeAsync(db, to, ct);
        if (tree is null || from < 1 || from > to)
        {
            return TypedResults.Problem($"No consistency proof from {from} to {to}.", statusCode: StatusCodes.Status400BadRequest, title: "LOG.BAD-RANGE");
        }

        return TypedResults.Ok(new ProofDto(to, null, from, Convert.ToBase64String(tree.Root(to)), [.. tree.ConsistencyProof(from, to).Select(Convert.ToBase64String)]));
    }

    /// <summary>The tree of the first <paramref name="size"/> entries, or null if the log is shorter.</summary>
    private static async Task<TreeHashes?> TreeAsync(AshyqDbContext db, long size, CancellationToken ct)
    {
        if (size < 1)
        {
            return null;
        }

        var leaves = await db.LogEntries.AsNoTracking().Where(e => e.Index < size).OrderBy(e => e.Index).Select(e => e.LeafHash).ToListAsync(ct);
        if (leaves.Count < size)
        {
            return null;
        }

        var tree = new TreeHashes();
        foreach (var leaf in leaves)
        {
            tree.Append(leaf);
        }

        return tree;
    }
}
