using System.Text.RegularExpressions;
using Ashyq.Core.Audit;
using Ashyq.Core.Results;
using Ashyq.Tests;

namespace Ashyq.Core.Tests.Audit;

public partial class AuditEventsTests
{
    [GeneratedRegex(@"^[a-z]+(-[a-z]+)*\.[a-z]+(-[a-z]+)*$")]
    private static partial Regex DottedId();

    [GeneratedRegex(@"\bRecord\(""([a-z-]+)""")]
    private static partial Regex ProtocolRecordCall();

    /// <summary>Every kind of event a precinct protocol records, read from the code that records them.</summary>
    private static List<string> ProtocolEventKinds()
    {
        var folder = Path.Combine(Repo.Root, "src", "Ashyq.Core", "Results");
        return [.. Directory.GetFiles(folder, "*.cs")
            .SelectMany(file => ProtocolRecordCall().Matches(File.ReadAllText(file)).Select(m => m.Groups[1].Value))
            .Distinct()
            .Order(StringComparer.Ordinal)];
    }

    [Fact]
    public void EveryMember_HasAUniqueDottedId()
    {
        var ids = AuditEvents.All.Select(e => e.Id).ToList();

        Assert.True(ids.Count >= 40, $"the catalogue has only {ids.Count} members");
        Assert.Equal(ids.Count, ids.Distinct(StringComparer.Ordinal).Count());
        Assert.All(ids, id => Assert.Matches(DottedId(), id));
    }

    [Fact]
    public void EveryMember_IsDescribedInKazakhRussianAndEnglish()
    {
        Assert.All(AuditEvents.All, e =>
        {
            Assert.False(string.IsNullOrWhiteSpace(e.Description.Kk), e.Id + " has no Kazakh description");
            Assert.False(string.IsNullOrWhiteSpace(e.Description.Ru), e.Id + " has no Russian description");
            Assert.False(string.IsNullOrWhiteSpace(e.Description.En), e.Id + " has no English description");
            Assert.NotEqual(e.Description.En, e.Description.Ru);
        });
    }

    [Fact]
    public void EveryCompletion_ClosesAStartOfTheCatalogue_AndEveryStartHasACompletion()
    {
        var starts = AuditEvents.All.Where(e => e.Phase == AuditPhase.Start).ToList();
        var completions = AuditEvents.All.Where(e => e.Phase == AuditPhase.Completion).ToList();

        Assert.NotEmpty(starts);
        Assert.All(completions, c => Assert.Equal(AuditPhase.Start, AuditEvents.Find(c.StartId!)?.Phase));
        Assert.All(starts, s => Assert.Contains(completions, c => c.StartId == s.Id));
        Assert.All(AuditEvents.All.Where(e => e.Phase != AuditPhase.Completion), e => Assert.Null(e.StartId));
    }

    [Fact]
    public void TheLongActions_OfVvsg15_1_AreStartAndCompletionPairs()
    {
        AuditLongAction[] required = [AuditEvents.RegisterImport, AuditEvents.ResultsImport, AuditEvents.SignatureVerification, AuditEvents.Publish, AuditEvents.Generate];

        Assert.All(required, pair =>
        {
            Assert.Equal(AuditPhase.Start, pair.Start.Phase);
            Assert.Equal(AuditPhase.Completion, pair.Completion.Phase);
            Assert.Equal(pair.Start.Id, pair.Completion.StartId);
            Assert.Same(pair.Start, AuditEvents.Find(pair.Start.Id));
            Assert.Same(pair.Completion, AuditEvents.Find(pair.Completion.Id));
        });
    }

    [Fact]
    public void EveryKindOfProtocolEvent_HasItsMember_UnderItsStoredName()
    {
        var kinds = ProtocolEventKinds();

        Assert.True(kinds.Count >= 12, "found only these protocol event kinds: " + string.Join(", ", kinds));
        Assert.All(kinds, kind => Assert.Equal("protocol." + kind, AuditEvents.ForProtocol(kind).Id));
    }

    [Fact]
    public void EveryProtocolMember_IsTheMemberOfAKindTheProtocolRecords()
    {
        var mapped = ProtocolEventKinds().Select(AuditEvents.ForProtocol).ToHashSet();

        Assert.All(AuditEvents.All.Where(e => e.Id.StartsWith("protocol.", StringComparison.Ordinal)), e => Assert.Contains(e, mapped));
    }

    [Fact]
    public void TheEventsOfAProtocolsLife_MapToTheirMembers()
    {
        var form = Repo.Kz.ProtocolForm;
        var at = new DateTimeOffset(2011, 4, 3, 21, 0, 0, TimeSpan.FromHours(6));
        long[] values = [1003, 900, 702, 198, 702, 21, 10, 15, 21, 635];
        var version = new ProtocolVersion(form, "PEC-0042", 1, null);
        version.StartFirstEntry(new Actor("aigul", "PEC-0042"), at);
        version.EnterFirst(new Actor("aigul", "PEC-0042"), values, finish: true, at);
        version.StartSecondEntry(new Actor("boris", "PEC-0042"), at);
        version.EnterSecond(new Actor("boris", "PEC-0042"), values, finish: true, at);

        var members = version.Events.Select(e => AuditEvents.ForProtocol(e.Kind)).ToList();

        Assert.Equal([AuditEvents.ProtocolFirstEntryStarted, AuditEvents.ProtocolFirstEntryFinished, AuditEvents.ProtocolSecondEntryStarted, AuditEvents.ProtocolEntriesEqual], members);
    }

    [Fact]
    public void AnUnknownProtocolKind_IsAProgrammingError_NotASilentString()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => AuditEvents.ForProtocol("invented"));
    }

    [Theory]
    [InlineData(AuditDisposition.Success, "success")]
    [InlineData(AuditDisposition.Failure, "failure")]
    [InlineData(AuditDisposition.Na, "na")]
    [InlineData(AuditDisposition.Other, "other")]
    public void Dispositions_AreSpelledAsTheSchemaEnumerates(AuditDisposition disposition, string spelled)
    {
        Assert.Equal(spelled, disposition.ToNist());
        Assert.Equal(disposition, AuditDispositions.FromNist(spelled));
    }
}
