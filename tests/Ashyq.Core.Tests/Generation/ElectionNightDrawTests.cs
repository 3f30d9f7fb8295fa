using Ashyq.Core.Generation;
using Ashyq.Core.Results;
using Ashyq.Tests;

namespace Ashyq.Core.Tests.Generation;

/// <summary>The election-night draw: counts that keep every error relation, with each ballot drawn on its own.</summary>
public class ElectionNightDrawTests
{
    private static readonly ProtocolForm Form = Repo.Kz.ProtocolForm;

    private static long Line(long[] values, string code) => values[Form.IndexOf[code]];

    [Fact]
    public void EveryDrawnCount_KeepsEveryErrorRelation_FromTheSmallestPrecinctToTheLargest()
    {
        var draw = new ElectionNightDraw(Repo.Kz, 3);
        foreach (var onList in new long[] { 1, 2, 5, 10, 37, 300, 1_000, 3_000 })
        {
            for (var i = 0; i < 200; i++)
            {
                var count = draw.Count(onList);
                Assert.Equal(onList, Line(count, "L1"));
                Assert.DoesNotContain(Form.Broken(count), r => r.Severity == RelationSeverity.Error);
            }
        }
    }

    [Fact]
    public void SmallPrecincts_AreNotAllTheLeaders_ButAddUpToTheDefinitionsShares()
    {
        // At the demo's scale a precinct has about ten voters: rounding shares gave every vote to the leader.
        var draw = new ElectionNightDraw(Repo.Kz, 11);
        var shares = Repo.Kz.World!.Night!.CandidateShares;
        var candidates = Form.CandidateLines.ToList();
        var votes = new long[candidates.Count];
        long invalid = 0, issued = 0;
        var precinctsWithOthers = 0;
        for (var p = 0; p < 5_000; p++)
        {
            var count = draw.Count(10);
            issued += Line(count, "L5");
            invalid += Line(count, "L6");
            var others = 0L;
            for (var i = 0; i < candidates.Count; i++)
            {
                votes[i] += count[candidates[i].Index];
                others += candidates[i].Code == "C4" ? 0 : count[candidates[i].Index];
            }

            precinctsWithOthers += others > 0 ? 1 : 0;
        }

        var valid = votes.Sum();
        Assert.Equal(issued, valid + invalid);
        Assert.InRange(precinctsWithOthers, 500, 2_500);
        for (var i = 0; i < candidates.Count; i++)
        {
            var expected = shares[candidates[i].Code] / shares.Values.Sum();
            Assert.InRange((double)votes[i] / valid, expected * 0.8, expected * 1.2);
        }

        Assert.InRange((double)invalid / issued, 0.0035 * 0.5, 0.0035 * 1.5);
    }

    [Fact]
    public void TheSameSeed_DrawsTheSameNight_AndAnotherSeedAnother()
    {
        long[][] Night(long seed)
        {
            var draw = new ElectionNightDraw(Repo.Kz, seed);
            return [.. Enumerable.Range(0, 50).Select(i => draw.Count(100 + i))];
        }

        Assert.Equal(Night(5), Night(5));
        Assert.NotEqual(Night(5), Night(6));
    }
}
