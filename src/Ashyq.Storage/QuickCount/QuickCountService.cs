using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Ashyq.Core.Elections;
using Ashyq.Core.Generation;
using Ashyq.Core.Publication;
using Ashyq.Core.QuickCount;
using Ashyq.Core.Results;
using Ashyq.Storage.Model;
using Ashyq.Storage.Publication;
using Microsoft.EntityFrameworkCore;

namespace Ashyq.Storage.QuickCount;

/// <summary>The stored sample: the draw, when and by whom, and the commitment published in the log.</summary>
public sealed record StoredSample(StratifiedSample Sample, DateTimeOffset DrawnAt, string DrawnBy, string Commitment);

/// <summary>What an import of observers' reports wrote.</summary>
public sealed record QuickCountImportReport(int Rows, int Stations);

/// <summary>A bad row of a reports file: its row number (1 = the header), the field and the code.</summary>
public sealed record QuickCountImportError(int Row, string Field, string Code, string Message)
{
    public override string ToString() => $"row {Row}, {Field}: {Code}: {Message}";
}

/// <summary>A reports file refused whole, with every bad row.</summary>
public sealed class QuickCountImportException(IReadOnlyList<QuickCountImportError> errors)
    : RuleViolation("QUICKCOUNT.IMPORT-REFUSED", $"{errors.Count} bad row(s); nothing was imported: the import is one transaction and a bad row refuses all of it.")
{
    public IReadOnlyList<QuickCountImportError> Errors { get; } = errors;
}

/// <summary>The quick count as the page and the CLI show it: the election, its sample if drawn, the estimate if any report is in.</summary>
public sealed record QuickCountView(string Election, ElectionDefinition Definition, StoredSample? Sample, int ReportedStations, QuickCountResult? Result);

/// <summary>
/// The quick count in the store: the sampling frame read from the commissions and the register, the sample drawn
/// once per election (its commitment appended to the transparency log in the same transaction), the observers'
/// reports of the sampled protocols, and the estimate set against the official running totals.
/// </summary>
public sealed class QuickCountService(AshyqDbContext db, TimeProvider time)
{
    /// <summary>The log's kind of a drawn sample's commitment.</summary>
    public const string SampleKind = "quick-count-sample";

    public const string Urban = "urban";

    public const string Rural = "rural";

    /// <summary>The sampling frame: every precinct, its region (its commission at the level below the top), its list size.</summary>
    /// <remarks>The list size is the register's count of the precinct's voters; for a precinct without voters in the
    /// register (a world generated at scale 0, an imported election) it is L1 of its accepted protocol, else 0.</remarks>
    public async Task<IReadOnlyList<(int PrecinctId, FrameStation Station)>> FrameAsync(CancellationToken ct = default)
    {
        var (election, definition) = await ElectionAsync(ct);
        var precinctLevel = definition.PrecinctLevel.Code;
        var regionLevel = definition.Levels.Count > 2 ? definition.Levels[1].Code : definition.TopLevel.Code;
        var commissions = await db.Commissions.AsNoTracking().Where(c => c.ElectionId == election.Id)
            .Select(c => new { c.Id, c.ParentId, c.Level, c.Code }).ToListAsync(ct);
        var byId = commissions.ToDictionary(c => c.Id);
        string RegionOf(int id)
        {
            for (int? at = id; at is { } a; at = byId[a].ParentId)
            {
                if (byId[a].Level == regionLevel)
                {
                    return byId[a].Code;
                }
            }

            return "";
        }

        var onLists = await db.Voters.GroupBy(v => v.PrecinctId).Select(g => new { g.Key, Count = g.LongCount() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        var official = await AcceptedValuesAsync(ct);
        var l1 = definition.ProtocolForm.IndexOf[definition.Result.EligibleVotersLine];
        return [.. commissions.Where(c => c.Level == precinctLevel).OrderBy(c => c.Code, StringComparer.Ordinal).Select(c => (c.Id, new FrameStation(
            c.Code,
            RegionOf(c.Id),
            onLists.TryGetValue(c.Id, out var n) && n > 0 ? n : official.TryGetValue(c.Id, out var values) ? values[l1] : 0)))];
    }

    /// <summary>
    /// Draws the election's sample of <paramref name="size"/> stations with <paramref name="seed"/> and stores it,
    /// with its strata, and appends its commitment to the log — all in one transaction. An election has one sample:
    /// a second draw is refused (<c>QUICKCOUNT.ALREADY-DRAWN</c>), so the sample cannot be redrawn once reports arrive.
    /// </summary>
    public async Task<StoredSample> DrawAsync(int size, long seed, string drawnBy, CancellationToken ct = default)
    {
        var (election, _) = await ElectionAsync(ct);
        if (await db.Set<QuickCountSampleRow>().AsNoTracking().FirstOrDefaultAsync(s => s.ElectionId == election.Id, ct) is { } existing)
        {
            throw new QuickCountException("QUICKCOUNT.ALREADY-DRAWN",
                $"The election {election.DefinitionId} already has its quick-count sample ({existing.Size} stations, seed {existing.Seed}, drawn {existing.DrawnAt:u}): a sample is drawn once.");
        }

        var frame = await FrameAsync(ct);
        var ids = frame.ToDictionary(f => f.Station.Station, f => f.PrecinctId, StringComparer.Ordinal);
        var sizes = frame.ToDictionary(f => f.Station.Station, f => f.Station.ListSize, StringComparer.Ordinal);
        var sample = StratifiedSample.Draw(SamplingFrame.Build(frame.Select(f => f.Station)), size, seed);
        var commitment = Convert.ToHexStringLower(SHA256.HashData(CanonicalJson.Serialize(SampleJson(election.DefinitionId, sample))));
        var at = time.GetUtcNow();

        var strategy = db.Database.CreateExecutionStrategy();
        await strategy.ExecuteAsync(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var row = new QuickCountSampleRow { ElectionId = election.Id, Seed = seed, Size = size, DrawnAt = at, DrawnBy = drawnBy, Commitment = commitment };
            db.Add(row);
            await db.SaveChangesAsync(ct);
            db.AddRange(sample.Strata.Select(s => new QuickCountStratumRow
            {
                SampleId = row.Id,
                Region = s.Stratum.Region,
                Settlement = Name(s.Stratum.Settlement),
                Stations = s.Stations,
                Sampled = s.Sampled,
            }));
            db.AddRange(sample.Stations.Select(s => new QuickCountStationRow
            {
                SampleId = row.Id,
                PrecinctId = ids[s.Station],
                Region = s.Stratum.Region,
                Settlement = Name(s.Stratum.Settlement),
                ListSize = sizes[s.Station],
            }));
            await db.SaveChangesAsync(ct);

            // The sample itself stays with the mission until the polls close (a station known to be sampled could
            // be spared the fraud); the log carries its strata and the hash of the whole draw, so that the sample
            // shown afterwards can be checked against what was drawn before voting.
            var record = CanonicalJson.Serialize(new JsonObject
            {
                ["kind"] = SampleKind,
                ["election"] = election.DefinitionId,
                ["size"] = size,
                ["drawn_at"] = at.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture),
                ["sha256"] = commitment,
                ["strata"] = new JsonArray([.. sample.Strata.Select(s => (JsonNode)new JsonObject
                {
                    ["region"] = s.Stratum.Region,
                    ["settlement"] = Name(s.Stratum.Settlement),
                    ["stations"] = s.Stations,
                    ["sampled"] = s.Sampled,
                })]),
            });
            await TransparencyLog.AppendAsync(db, SampleKind, election.DefinitionId, 1, record, at, ct);
            await transaction.CommitAsync(ct);
        });
        db.ChangeTracker.Clear();
        return new StoredSample(sample, at, drawnBy, commitment);
    }

    /// <summary>The sample whose SHA-256 is the commitment: the election, the seed, the size and every station with its stratum.</summary>
    public static JsonObject SampleJson(string election, StratifiedSample sample)
    {
        ArgumentNullException.ThrowIfNull(sample);
        return new JsonObject
        {
            ["election"] = election,
            ["seed"] = sample.Seed,
            ["size"] = sample.Size,
            ["stations"] = new JsonArray([.. sample.Stations.Select(s => (JsonNode)new JsonArray(s.Station, s.Stratum.Region, Name(s.Stratum.Settlement)))]),
        };
    }

    /// <summary>The election's sample, or null when none is drawn.</summary>
    public async Task<StoredSample?> SampleAsync(CancellationToken ct = default)
    {
        var (election, _) = await ElectionAsync(ct);
        return (await LoadSampleAsync(election.Id, ct))?.Stored;
    }

    private async Task<(QuickCountSampleRow Row, StoredSample Stored, Dictionary<string, int> Ids)?> LoadSampleAsync(int electionId, CancellationToken ct)
    {
        var row = await db.Set<QuickCountSampleRow>().AsNoTracking().FirstOrDefaultAsync(s => s.ElectionId == electionId, ct);
        if (row is null)
        {
            return null;
        }

        var strata = await db.Set<QuickCountStratumRow>().AsNoTracking().Where(s => s.SampleId == row.Id).ToListAsync(ct);
        var stations = await db.Set<QuickCountStationRow>().AsNoTracking().Where(s => s.SampleId == row.Id)
            .Join(db.Commissions, s => s.PrecinctId, c => c.Id, (s, c) => new { s.PrecinctId, c.Code, s.Region, s.Settlement })
            .ToListAsync(ct);
        var sample = new StratifiedSample(
            row.Seed,
            row.Size,
            [.. strata.Select(s => new StratumAllocation(new Stratum(s.Region, Parse(s.Settlement)), s.Stations, s.Sampled)).OrderBy(s => s.Stratum)],
            [.. stations.Select(s => new SampledStation(s.Code, new Stratum(s.Region, Parse(s.Settlement))))
                .OrderBy(s => s.Stratum).ThenBy(s => s.Station, StringComparer.Ordinal)]);
        return (row, new StoredSample(sample, row.DrawnAt, row.DrawnBy, row.Commitment), stations.ToDictionary(s => s.Code, s => s.PrecinctId, StringComparer.Ordinal));
    }

    /// <summary>
    /// Imports observers' reports of sampled protocols from CSV rows <c>station,line,value</c> (a header row first).
    /// The whole file is checked before anything is written: a station not in the sample, a line the protocol does
    /// not have, a value that is not a whole number ≥ 0, a row with the wrong number of fields — each is named by
    /// its row, field and code, and the file is refused whole. Otherwise every row is stored in one transaction.
    /// </summary>
    public async Task<QuickCountImportReport> ImportCsvAsync(TextReader reader, string reporter, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var (election, definition) = await ElectionAsync(ct);
        var loaded = await LoadSampleAsync(election.Id, ct)
            ?? throw new QuickCountException("QUICKCOUNT.NO-SAMPLE", $"The election {election.DefinitionId} has no quick-count sample yet: run `ashyq quick-count draw` first.");
        var lines = definition.ProtocolForm.IndexOf;
        var errors = new List<QuickCountImportError>();
        var rows = new List<(int PrecinctId, string Line, long Value)>();
        var number = 0;
        var header = await reader.ReadLineAsync(ct);
        number++;
        if (header is null || !header.Trim().TrimStart('\uFEFF').Equals("station,line,value", StringComparison.OrdinalIgnoreCase))
        {
            errors.Add(new QuickCountImportError(1, "header", "QUICKCOUNT.BAD-HEADER", $"The first row must be \"station,line,value\", not \"{header}\"."));
        }

        while (await reader.ReadLineAsync(ct) is { } text)
        {
            number++;
            if (string.IsNullOrWhiteSpace(text))
            {
                continue;
            }

            var fields = text.Split(',');
            if (fields.Length != 3)
            {
                errors.Add(new QuickCountImportError(number, "row", "QUICKCOUNT.BAD-ROW", $"{fields.Length} fields; a row has 3: station,line,value."));
                continue;
            }

            var station = fields[0].Trim();
            var line = fields[1].Trim();
            var valueText = fields[2].Trim();
            var ok = true;
            if (!loaded.Ids.TryGetValue(station, out var precinctId))
            {
                errors.Add(new QuickCountImportError(number, "station", "QUICKCOUNT.NOT-SAMPLED", $"\"{station}\" is not a station of the sample."));
                ok = false;
            }

            if (!lines.ContainsKey(line))
            {
                errors.Add(new QuickCountImportError(number, "line", "QUICKCOUNT.UNKNOWN-LINE", $"\"{line}\" is not a line of the protocol ({string.Join(", ", lines.Keys)})."));
                ok = false;
            }

            if (!long.TryParse(valueText, NumberStyles.None, CultureInfo.InvariantCulture, out var value))
            {
                errors.Add(new QuickCountImportError(number, "value", "QUICKCOUNT.BAD-VALUE", $"\"{valueText}\" is not a whole number of 0 or more."));
                ok = false;
            }

            if (ok)
            {
                rows.Add((precinctId, line, value));
            }
        }

        if (errors.Count > 0)
        {
            throw new QuickCountImportException(errors);
        }

        await AddReportsAsync(loaded.Row.Id, rows, reporter, ct);
        return new QuickCountImportReport(rows.Count, rows.Select(r => r.PrecinctId).Distinct().Count());
    }

    private async Task AddReportsAsync(int sampleId, IReadOnlyList<(int PrecinctId, string Line, long Value)> rows, string reporter, CancellationToken ct)
    {
        var at = time.GetUtcNow();
        var strategy = db.Database.CreateExecutionStrategy();
        await strategy.ExecuteAsync(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            db.AddRange(rows.Select(r => new QuickCountReportRow { SampleId = sampleId, PrecinctId = r.PrecinctId, Line = r.Line, Value = r.Value, Reporter = reporter, ReceivedAt = at }));
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
        });
        db.ChangeTracker.Clear();
    }

    /// <summary>
    /// For the demo and for trying the quick count: every sampled station without a report gets one, as an honest
    /// observer would copy it from the protocol posted at the station — the station's accepted protocol where the
    /// store has one, else the count the election-night draw (<see cref="ElectionNightDraw"/>, seeded) gives it.
    /// Returns the stations reported.
    /// </summary>
    public async Task<int> SimulateAsync(long seed, string reporter, CancellationToken ct = default)
    {
        var (election, definition) = await ElectionAsync(ct);
        var loaded = await LoadSampleAsync(election.Id, ct)
            ?? throw new QuickCountException("QUICKCOUNT.NO-SAMPLE", $"The election {election.DefinitionId} has no quick-count sample yet: run `ashyq quick-count draw` first.");
        var reported = (await db.Set<QuickCountReportRow>().AsNoTracking().Where(r => r.SampleId == loaded.Row.Id).Select(r => r.PrecinctId).Distinct().ToListAsync(ct)).ToHashSet();
        var population = await PopulationAsync(election, definition, seed, ct);
        var form = definition.ProtocolForm;
        var rows = new List<(int, string, long)>();
        var stations = 0;
        foreach (var station in loaded.Stored.Sample.Stations)
        {
            var id = loaded.Ids[station.Station];
            if (reported.Contains(id))
            {
                continue;
            }

            stations++;
            var values = population[id].Values;
            rows.AddRange(form.Lines.Select(l => (id, l.Code, values[l.Index])));
        }

        await AddReportsAsync(loaded.Row.Id, rows, reporter, ct);
        return stations;
    }

    /// <summary>
    /// Every precinct's protocol: its accepted version where the store has one, else the count the seeded
    /// election-night draw gives it (drawn for every precinct in code order, so a seed gives the same population).
    /// A world generated at a scale below 1 has lists too small to count shares on (at the demo's 0.01 a list holds
    /// about nine voters, and rounding gives the leader every vote), so there each drawn count is of a full-size list,
    /// as simulate-night draws one for a world without voters.
    /// </summary>
    private async Task<Dictionary<int, (FrameStation Station, long[] Values, bool Official)>> PopulationAsync(ElectionRow election, ElectionDefinition definition, long seed, CancellationToken ct)
    {
        var frame = await FrameAsync(ct);
        var official = await AcceptedValuesAsync(ct);
        var population = new Dictionary<int, (FrameStation, long[], bool)>(frame.Count);
        if (official.Count == frame.Count)
        {
            // Every protocol is in (an imported election): the population is the official one, nothing is drawn.
            foreach (var (id, station) in frame)
            {
                population[id] = (station, official[id], true);
            }

            return population;
        }

        if (definition.World?.Night is null)
        {
            throw new QuickCountException("QUICKCOUNT.NO-NIGHT-PROFILE",
                $"{frame.Count - official.Count} precincts have no accepted protocol and the definition {definition.Id} has no world.night section to draw their counts from.");
        }

        var draw = new ElectionNightDraw(definition, seed);
        var fullSize = election.Scale is > 0 and < 1;
        foreach (var (id, station) in frame)
        {
            var drawn = draw.Count(station.ListSize > 0 && !fullSize ? station.ListSize : draw.ListSize());
            population[id] = official.TryGetValue(id, out var values) ? (station, values, true) : (station, drawn, false);
        }

        return population;
    }

    /// <summary>
    /// The coverage of the quick count's intervals over <paramref name="draws"/> samples of <paramref name="size"/>
    /// stations from this election's population (accepted protocols, the rest drawn as for <see cref="SimulateAsync"/>).
    /// </summary>
    public async Task<(CoverageReport Report, int OfficialStations)> CoverageAsync(int size, int draws, long seed, long nightSeed, CancellationToken ct = default)
    {
        var (election, definition) = await ElectionAsync(ct);
        var population = await PopulationAsync(election, definition, nightSeed, ct);
        var form = definition.ProtocolForm;
        var stations = population.Values
            .Select(p => new PopulationStation(p.Station, form.Lines.ToDictionary(l => l.Code, l => p.Values[l.Index], StringComparer.Ordinal)))
            .ToList();
        return (CoverageSimulation.Run(definition, stations, size, draws, seed), population.Values.Count(p => p.Official));
    }

    /// <summary>The quick count of the stored election: its sample, how many stations reported, and the estimate.</summary>
    public async Task<QuickCountView> ViewAsync(CancellationToken ct = default)
    {
        var (election, definition) = await ElectionAsync(ct);
        var loaded = await LoadSampleAsync(election.Id, ct);
        if (loaded is not { } l)
        {
            return new QuickCountView(election.DefinitionId, definition, null, 0, null);
        }

        var codeOf = l.Ids.ToDictionary(p => p.Value, p => p.Key);
        // Reports are only added, so the id orders them as they were received: the latest of a line counts.
        var latest = new Dictionary<int, Dictionary<string, long>>();
        await foreach (var r in db.Set<QuickCountReportRow>().AsNoTracking().Where(r => r.SampleId == l.Row.Id)
            .OrderBy(r => r.Id).Select(r => new { r.PrecinctId, r.Line, r.Value }).AsAsyncEnumerable().WithCancellation(ct))
        {
            if (!latest.TryGetValue(r.PrecinctId, out var lines))
            {
                latest[r.PrecinctId] = lines = new Dictionary<string, long>(StringComparer.Ordinal);
            }

            lines[r.Line] = r.Value;
        }

        if (latest.Count == 0)
        {
            return new QuickCountView(election.DefinitionId, definition, l.Stored, 0, null);
        }

        var official = await OfficialAsync(definition, ct);
        var result = QuickCountEstimator.Estimate(definition, l.Stored.Sample, latest.Select(p => new StationReport(codeOf[p.Key], p.Value)), official);
        return new QuickCountView(election.DefinitionId, definition, l.Stored, latest.Count, result);
    }

    /// <summary>The official results as published: the top commission's running totals and how many precincts are in.</summary>
    public async Task<OfficialResults> OfficialAsync(ElectionDefinition definition, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var tally = await new ResultsService(db, definition, time).TallyAsync(definition.TopLevel.CodeOf(1), ct);
        return new OfficialResults(tally.Precincts, tally.Accepted, tally.Totals);
    }

    private async Task<Dictionary<int, long[]>> AcceptedValuesAsync(CancellationToken ct)
    {
        var accepted = nameof(ProtocolState.Accepted);
        var latest = new Dictionary<int, (int Number, string Values)>();
        await foreach (var v in db.ProtocolVersions.AsNoTracking().Where(v => v.State == accepted && v.Values != null)
            .Select(v => new { v.PrecinctId, v.Number, v.Values }).AsAsyncEnumerable().WithCancellation(ct))
        {
            if (!latest.TryGetValue(v.PrecinctId, out var seen) || v.Number > seen.Number)
            {
                latest[v.PrecinctId] = (v.Number, v.Values!);
            }
        }

        return latest.ToDictionary(p => p.Key, p => System.Text.Json.JsonSerializer.Deserialize<long[]>(p.Value.Values)!);
    }

    private async Task<(ElectionRow Election, ElectionDefinition Definition)> ElectionAsync(CancellationToken ct)
    {
        var election = await new ElectionQueries(db).ElectionAsync(ct)
            ?? throw new QuickCountException("QUICKCOUNT.NO-ELECTION", "The store holds no election yet: run `ashyq generate` or `ashyq demo` first.");
        return (election, ElectionDefinitionLoader.Parse(election.DefinitionJson, election.DefinitionId));
    }

    private static string Name(Settlement settlement) => settlement == Settlement.Urban ? Urban : Rural;

    private static Settlement Parse(string settlement) => settlement == Urban ? Settlement.Urban : Settlement.Rural;
}
