using System.Globalization;
using Ashyq.Core.Candidates;
using Ashyq.Core.Elections;
using Ashyq.Core.Register;

namespace Ashyq.Core.Generation;

/// <summary>
/// A voter the generator may put on a sheet, as the register holds them: the territorial unit (TEC code) of their
/// list, whether that list is a special station's, and the day the record took effect.
/// </summary>
public sealed record SignerCandidate(Iin Iin, string Surname, string GivenName, string Patronymic, string Address, DateOnly? RegisteredOn, string Unit, bool Special);

/// <summary>What the verification must find on one generated line: its rejection code (null: counted) and its flags.</summary>
public sealed record ExpectedCheck(string SheetId, int Line, string? Code, IReadOnlyList<string> Patterns);

/// <summary>One nominee's generated sheets and their answer key (one entry per line).</summary>
public sealed record NomineeSheets(int Nominee, int ExpectedValid, IReadOnlyList<SignatureLine> Lines, IReadOnlyList<ExpectedCheck> AnswerKey);

/// <summary>A death the civil registry recorded for a generated signer.</summary>
public sealed record GeneratedDeath(Iin Iin, DateOnly DiedOn);

public sealed record GeneratedSignatures(IReadOnlyList<NomineeSheets> Nominees, IReadOnlyList<GeneratedDeath> Deaths);

/// <summary>
/// Generates the nominees' signature sheets with known bad signatures of every kind, deterministically from the
/// seed and the signer pool (given in a fixed order). Sizes follow the threshold the caller passes — 1% of the
/// register on the day nomination opened, 91,010 at scale 1, so the sheets scale with the world's
/// <c>--scale</c> — by <see cref="ValidTarget"/>: a registered candidate collects 1.08–1.25 × the threshold in
/// valid signatures, spread evenly over one territorial unit more than the spread rule needs; a nominee refused for signatures 0.55–0.90 ×; one
/// refused for documents 1.02–1.12 × (it fails another test); one refused on the language test, or who withdrew,
/// 0.05–0.30 ×. On top of the valid lines each nominee's sheets carry, at the rates of <see cref="Rates"/> (at least
/// one each): incomplete lines, invalid IINs, signatures outside the period, non-voters (never on the register, or
/// registered only after the period), wrong names, wrong birth dates and second signatures of a voter; and, flagged
/// but valid, signers who died before signing (with their death record), signers on special stations' lists,
/// lines of one sheet with the same date and address, and one collector filling sheets of one day up to the
/// flag's count. A sheet has threshold ÷ 50 lines (5–20: 20 at scale 1), one unit, one collector and one day; a
/// collector fills one sheet a day, so only the planted run reaches
/// <see cref="SignatureVerification.DefaultCollectorRun"/>. Each signer is used once across all nominees.
/// </summary>
public sealed class SignatureSheetGenerator(ElectionDefinition definition, long seed)
{
    /// <summary>Lines of a full sheet at scale 1; smaller worlds have smaller sheets (threshold ÷ 50, at least 5).</summary>
    public const int LinesPerSheet = 20;

    /// <summary>The share of a nominee's valid signatures planted as each rejection kind or flag (at least one each).</summary>
    public static IReadOnlyDictionary<string, double> Rates { get; } = new Dictionary<string, double>
    {
        [SignatureVerification.Incomplete] = 0.008,
        [SignatureVerification.InvalidIin] = 0.005,
        [SignatureVerification.OutsidePeriod] = 0.004,
        [SignatureVerification.NotAVoter] = 0.006,
        [SignatureVerification.NameMismatch] = 0.007,
        [SignatureVerification.BirthDateMismatch] = 0.005,
        [SignatureVerification.Duplicate] = 0.008,
        [SignatureVerification.SignerDeceased] = 0.001,
        [SignatureVerification.SignerOnSpecialList] = 0.002,
        [SignatureVerification.SameDateAndAddress] = 0.001,
    };

    private enum Slot
    {
        Valid,
        Deceased,
        Special,
        Incomplete,
        InvalidIin,
        Outside,
        NotAVoterLate,
        NotAVoterNever,
        Name,
        Birth,
    }

    private sealed class Pool(IReadOnlyList<SignerCandidate> candidates, DateOnly from, DateOnly to, ref DeterministicRandom random)
    {
        private readonly Queue<SignerCandidate> _special = new(Shuffle(candidates.Where(c => c.Special && (c.RegisteredOn is null || c.RegisteredOn <= from)), ref random));
        private readonly Queue<SignerCandidate> _late = new(Shuffle(candidates.Where(c => !c.Special && c.RegisteredOn > to), ref random));
        private readonly SortedDictionary<string, Queue<SignerCandidate>> _byUnit = ByUnit(candidates.Where(c => !c.Special && (c.RegisteredOn is null || c.RegisteredOn <= from)), ref random);

        public IReadOnlyList<string> Units => [.. _byUnit.Keys];

        public SignerCandidate? Special() => _special.Count > 0 ? _special.Dequeue() : null;

        public SignerCandidate? Late() => _late.Count > 0 ? _late.Dequeue() : null;

        /// <summary>The next voter of the unit (or of the fullest unit when it has none left) accepted by <paramref name="fits"/>.</summary>
        public SignerCandidate Normal(string unit, Func<SignerCandidate, bool> fits)
        {
            for (var tries = 0; tries < 64; tries++)
            {
                var queue = _byUnit.TryGetValue(unit, out var q) && q.Count > 0 ? q : _byUnit.Values.MaxBy(x => x.Count)!;
                if (queue.Count == 0)
                {
                    throw new InvalidOperationException("The register has too few voters for the sheets asked: generate a larger world or fewer signatures.");
                }

                var candidate = queue.Dequeue();
                if (fits(candidate))
                {
                    return candidate;
                }
            }

            throw new InvalidOperationException("No voter fits the sheet after 64 tries.");
        }

        private static SortedDictionary<string, Queue<SignerCandidate>> ByUnit(IEnumerable<SignerCandidate> candidates, ref DeterministicRandom random)
        {
            var result = new SortedDictionary<string, Queue<SignerCandidate>>(StringComparer.Ordinal);
            foreach (var group in candidates.GroupBy(c => c.Unit).OrderBy(g => g.Key, StringComparer.Ordinal))
            {
                result[group.Key] = new Queue<SignerCandidate>(Shuffle(group, ref random));
            }

            return result;
        }

        private static List<SignerCandidate> Shuffle(IEnumerable<SignerCandidate> items, ref DeterministicRandom random)
        {
            var list = items.ToList();
            for (var i = list.Count - 1; i > 0; i--)
            {
                var j = random.Next(i + 1);
                (list[i], list[j]) = (list[j], list[i]);
            }

            return list;
        }
    }

    /// <summary>How many valid signatures a nominee's sheets carry, by its status and refusal reason (see the class).</summary>
    public static int ValidTarget(Nominee nominee, long threshold, double draw)
    {
        ArgumentNullException.ThrowIfNull(nominee);
        var (low, high) = nominee.Status switch
        {
            NomineeStatus.Registered => (1.08, 1.25),
            _ when nominee.RefusalReason == "documents-incomplete" => (1.02, 1.12),
            _ when nominee.RefusalReason is "language-test" or "withdrew" => (0.05, 0.30),
            _ => (0.55, 0.90),
        };
        var target = threshold * (low + (high - low) * draw);
        return Math.Max(60, (int)(low >= 1 ? Math.Ceiling(target) : Math.Floor(target)));
    }

    /// <summary>The sheets of every nominee.</summary>
    public GeneratedSignatures Generate(IReadOnlyList<Nominee> nominees, long threshold, IReadOnlyList<SignerCandidate> pool)
    {
        ArgumentNullException.ThrowIfNull(nominees);
        var random = DeterministicRandom.For(seed, 7_000_000);
        var (from, to) = SignaturePeriod.Of(definition);
        var signers = new Pool(pool, from, to, ref random);
        var deaths = new List<GeneratedDeath>();
        var sheets = new List<NomineeSheets>();
        foreach (var nominee in nominees.OrderBy(n => n.Number))
        {
            var draw = DeterministicRandom.For(seed, 7_100_000 + nominee.Number).NextDouble();
            sheets.Add(ForNominee(nominee.Number, ValidTarget(nominee, threshold, draw), nominee.Status == NomineeStatus.Registered, threshold, signers, deaths, from, to));
        }

        return new GeneratedSignatures(sheets, deaths);
    }

    /// <summary>The sheets of one nominee with <paramref name="validTarget"/> valid signatures (the benchmark's).</summary>
    public GeneratedSignatures GenerateOne(int nominee, int validTarget, IReadOnlyList<SignerCandidate> pool)
    {
        var random = DeterministicRandom.For(seed, 7_000_000);
        var (from, to) = SignaturePeriod.Of(definition);
        var deaths = new List<GeneratedDeath>();
        var sheets = ForNominee(nominee, validTarget, false, LinesPerSheet * 50, new Pool(pool, from, to, ref random), deaths, from, to);
        return new GeneratedSignatures([sheets], deaths);
    }

    private NomineeSheets ForNominee(int nominee, int validTarget, bool spread, long threshold, Pool pool, List<GeneratedDeath> deaths, DateOnly from, DateOnly to)
    {
        var random = DeterministicRandom.For(seed, 7_200_000 + nominee);
        var days = to.DayNumber - from.DayNumber + 1;
        int Count(string kind) => Math.Max(1, (int)Math.Round(validTarget * Rates[kind]));
        var perSheet = (int)Math.Clamp(threshold / 50, 5, LinesPerSheet);

        // The run: one collector, full sheets reaching the flag's count, one day; part of the valid signatures.
        var runSheets = (SignatureVerification.DefaultCollectorRun + perSheet - 1) / perSheet;
        var runLines = runSheets * perSheet;
        var sameAddressGroups = Count(SignatureVerification.SameDateAndAddress);
        var duplicates = Count(SignatureVerification.Duplicate);
        var deceased = Count(SignatureVerification.SignerDeceased);
        var special = Count(SignatureVerification.SignerOnSpecialList);
        var slots = new List<Slot>();
        void Add(Slot slot, int n) => slots.AddRange(Enumerable.Repeat(slot, n));
        Add(Slot.Deceased, deceased);
        Add(Slot.Special, special);
        Add(Slot.Valid, Math.Max(0, validTarget - deceased - special - runLines - sameAddressGroups));
        Add(Slot.Incomplete, Count(SignatureVerification.Incomplete));
        Add(Slot.InvalidIin, Count(SignatureVerification.InvalidIin));
        Add(Slot.Outside, Count(SignatureVerification.OutsidePeriod));
        var notVoters = Count(SignatureVerification.NotAVoter);
        Add(Slot.NotAVoterLate, (notVoters + 1) / 2);
        Add(Slot.NotAVoterNever, notVoters / 2);
        Add(Slot.Name, Count(SignatureVerification.NameMismatch));
        Add(Slot.Birth, Count(SignatureVerification.BirthDateMismatch));
        for (var i = slots.Count - 1; i > 0; i--)
        {
            var j = random.Next(i + 1);
            (slots[i], slots[j]) = (slots[j], slots[i]);
        }

        // A candidate's sheets come from one more unit than the territorial spread needs (all units for others),
        // in turn, so each of those units gets an equal share.
        var units = pool.Units;
        var coverage = definition.Candidates.Signatures?.TerritorialCoverage.MinimumShare.SmallestReaching(units.Count) ?? units.Count;
        var spreadUnits = (int)Math.Min(units.Count, coverage + 1);
        if (spread && spreadUnits < units.Count)
        {
            units = [.. units.OrderBy(_ => random.NextULong()).Take(spreadUnits).Order(StringComparer.Ordinal)];
        }

        var sheets = new List<Sheet>();
        var collectorBase = random.Next(9000);
        var collector = "";
        for (var s = 0; s * perSheet < slots.Count; s++)
        {
            // A collector fills one sheet a day, on each day of the period in turn.
            if (s % days == 0)
            {
                collector = CollectorName(nominee, collectorBase + s / days, ref random);
            }

            sheets.Add(new Sheet(
                $"N{nominee:D2}-{s + 1:D6}",
                units.Count == 0 ? "" : units[s % units.Count],
                collector,
                from.AddDays(s % days)));
        }

        foreach (var (sheet, s) in sheets.Select((x, i) => (x, i)))
        {
            foreach (var slot in slots.Skip(s * perSheet).Take(perSheet))
            {
                Fill(sheet, slot, pool, deaths, from, to, ref random);
            }
        }

        // Same date and address: a valid line of a sheet, and a second signer written at its address.
        var plain = sheets.SelectMany(s => s.Lines.Where(l => l.Expected is null && l.Patterns.Count == 0).Select(l => (Sheet: s, Line: l))).ToList();
        for (var g = 0; g < sameAddressGroups && plain.Count > 0; g++)
        {
            var (sheet, first) = plain[random.Next(plain.Count)];
            plain.RemoveAll(p => p.Sheet == sheet);
            var second = pool.Normal(sheet.Unit, _ => true);
            first.Patterns.Add(SignatureVerification.SameDateAndAddress);
            sheet.Append(Line(second, sheet) with { Address = first.Text.Address }, null, [SignatureVerification.SameDateAndAddress]);
        }

        // Second signatures: a counted line copied onto a later sheet (later day, or the same day and a later sheet).
        var lastDay = sheets.Max(s => s.Date);
        var originals = sheets.SelectMany((s, i) => s.Lines.Where(l => s.Date < lastDay && l.Expected is null && l.Patterns.Count == 0).Select(l => (Index: i, Line: l))).ToList();
        for (var placed = 0; placed < duplicates && originals.Count > 0;)
        {
            var pick = originals[random.Next(originals.Count)];
            originals.Remove(pick);
            var first = sheets[pick.Index];
            var later = sheets.Where(s => (s.Date > first.Date || (s.Date == first.Date && string.CompareOrdinal(s.Id, first.Id) > 0))
                && s.Lines.Count < perSheet + 5 && !s.Addresses.Contains(AddressForm(pick.Line.Text.Address))).ToList();
            if (later.Count == 0)
            {
                continue;
            }

            var target = later[random.Next(later.Count)];
            target.Append(pick.Line.Text with { SignedOn = target.Date, Collector = target.Collector }, SignatureVerification.Duplicate, []);
            placed++;
        }

        // The run.
        var runCollector = CollectorName(nominee, collectorBase + sheets.Count + 1, ref random);
        var runDate = from.AddDays(random.Next(days));
        for (var r = 0; r < runSheets; r++)
        {
            var sheet = new Sheet($"N{nominee:D2}-{sheets.Count + 1:D6}", units.Count == 0 ? "" : units[random.Next(units.Count)], runCollector, runDate);
            sheets.Add(sheet);
            for (var i = 0; i < perSheet; i++)
            {
                var signer = pool.Normal(sheet.Unit, c => !sheet.Addresses.Contains(AddressForm(c.Address)));
                sheet.Append(Line(signer, sheet), null, [SignatureVerification.CollectorRun]);
            }
        }

        var lines = new List<SignatureLine>();
        var key = new List<ExpectedCheck>();
        foreach (var sheet in sheets)
        {
            foreach (var line in sheet.Lines)
            {
                lines.Add(line.Text);
                key.Add(new ExpectedCheck(line.Text.SheetId, line.Text.Line, line.Expected, [.. line.Patterns.Order(StringComparer.Ordinal)]));
            }
        }

        return new NomineeSheets(nominee, key.Count(k => k.Code is null), lines, key);
    }

    private void Fill(Sheet sheet, Slot slot, Pool pool, List<GeneratedDeath> deaths, DateOnly from, DateOnly to, ref DeterministicRandom random)
    {
        bool Fits(SignerCandidate c) => !sheet.Addresses.Contains(AddressForm(c.Address));
        switch (slot)
        {
            case Slot.Valid:
                sheet.Append(Line(pool.Normal(sheet.Unit, Fits), sheet), null, []);
                break;
            case Slot.Deceased:
                {
                    var signer = pool.Normal(sheet.Unit, Fits);
                    deaths.Add(new GeneratedDeath(signer.Iin, sheet.Date.AddDays(-1 - random.Next(300))));
                    sheet.Append(Line(signer, sheet), null, [SignatureVerification.SignerDeceased]);
                    break;
                }

            case Slot.Special:
                {
                    var signer = pool.Special();
                    if (signer is not null && Fits(signer))
                    {
                        sheet.Append(Line(signer, sheet), null, [SignatureVerification.SignerOnSpecialList]);
                    }
                    else
                    {
                        sheet.Append(Line(pool.Normal(sheet.Unit, Fits), sheet), null, []);
                    }

                    break;
                }

            case Slot.Incomplete:
                {
                    var line = Line(pool.Normal(sheet.Unit, Fits), sheet);
                    line = random.Next(5) switch
                    {
                        0 => line with { GivenName = "" },
                        1 => line with { BirthDate = null },
                        2 => line with { Address = "" },
                        3 => line with { SignedOn = null },
                        _ => line with { SignerIin = "" },
                    };
                    sheet.Append(line, SignatureVerification.Incomplete, []);
                    break;
                }

            case Slot.InvalidIin:
                {
                    var line = Line(pool.Normal(sheet.Unit, Fits), sheet);
                    var digits = line.SignerIin.ToCharArray();
                    digits[11] = (char)('0' + (digits[11] - '0' + 1 + random.Next(8)) % 10);
                    sheet.Append(line with { SignerIin = new string(digits) }, SignatureVerification.InvalidIin, []);
                    break;
                }

            case Slot.Outside:
                {
                    var line = Line(pool.Normal(sheet.Unit, Fits), sheet);
                    var signedOn = random.Chance(0.5) ? from.AddDays(-1 - random.Next(5)) : to.AddDays(1 + random.Next(5));
                    sheet.Append(line with { SignedOn = signedOn }, SignatureVerification.OutsidePeriod, []);
                    break;
                }

            case Slot.NotAVoterLate when pool.Late() is { } late && Fits(late):
                sheet.Append(Line(late, sheet), SignatureVerification.NotAVoter, []);
                break;
            case Slot.NotAVoterLate or Slot.NotAVoterNever:
                {
                    // A valid IIN no voter has: generated voters' serials stay far below 8500 for any one birth day.
                    var model = pool.Normal(sheet.Unit, Fits);
                    Iin? iin = null;
                    for (var serial = 8500 + random.Next(400); iin is null; serial++)
                    {
                        iin = Iin.Compose(model.Iin.BirthDate, model.Iin.Gender, serial);
                    }

                    sheet.Append(Line(model with { Iin = iin.Value }, sheet), SignatureVerification.NotAVoter, []);
                    break;
                }

            case Slot.Name:
                {
                    var signer = pool.Normal(sheet.Unit, Fits);
                    var surnames = NamePools.KazakhSurnames.Concat(NamePools.RussianSurnames).ToList();
                    string other;
                    do
                    {
                        other = surnames[random.Next(surnames.Count)];
                    }
                    while (NameFolding.ComparisonForm(other) == NameFolding.ComparisonForm(signer.Surname));

                    sheet.Append(Line(signer, sheet) with { Surname = other }, SignatureVerification.NameMismatch, []);
                    break;
                }

            case Slot.Birth:
                {
                    var line = Line(pool.Normal(sheet.Unit, Fits), sheet);
                    sheet.Append(line with { BirthDate = line.BirthDate!.Value.AddDays(1 + random.Next(400)) }, SignatureVerification.BirthDateMismatch, []);
                    break;
                }
        }
    }

    private static SignatureLine Line(SignerCandidate c, Sheet sheet) =>
        new(sheet.Id, 0, c.Iin.ToString(), c.Surname, c.GivenName, c.Patronymic, c.Iin.BirthDate, c.Address, sheet.Date, sheet.Collector);

    private static string AddressForm(string address) => NameFolding.AddressForm(address);

    private static string CollectorName(int nominee, int number, ref DeterministicRandom random)
    {
        var surname = random.Pick(NamePools.KazakhSurnames);
        var given = random.Pick(NamePools.KazakhMaleNames);
        return string.Create(CultureInfo.InvariantCulture, $"{surname} {given[0]}. (№ {nominee:D2}-{number:D4})");
    }

    private sealed class GeneratedLine(SignatureLine text, string? expected, List<string> patterns)
    {
        public SignatureLine Text { get; } = text;

        public string? Expected { get; } = expected;

        public List<string> Patterns { get; } = patterns;
    }

    private sealed class Sheet(string id, string unit, string collector, DateOnly date)
    {
        public string Id { get; } = id;

        public string Unit { get; } = unit;

        public string Collector { get; } = collector;

        public DateOnly Date { get; } = date;

        public List<GeneratedLine> Lines { get; } = [];

        /// <summary>The addresses written on the sheet's date (group flags compare them).</summary>
        public HashSet<string> Addresses { get; } = new(StringComparer.Ordinal);

        public void Append(SignatureLine line, string? expected, List<string> patterns)
        {
            var numbered = line with { SheetId = Id, Line = Lines.Count + 1 };
            Lines.Add(new GeneratedLine(numbered, expected, patterns));
            if (numbered.SignedOn == Date && numbered.Address.Length > 0)
            {
                Addresses.Add(AddressForm(numbered.Address));
            }
        }
    }
}
