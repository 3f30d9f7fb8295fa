using Ashyq.Core.Elections;
using Ashyq.Core.Results;

namespace Ashyq.Core.Generation;

/// <summary>
/// Draws what a precinct's count could be on election night, consistent with every error relation of the form:
/// ballots received are the list plus a 1% reserve, turnout and shares vary around the definition's figures, and
/// every ballot is drawn on its own, so that a precinct of ten voters is not all one candidate's.
/// Also makes the mistakes people make typing a protocol from paper, for simulate-night. Deterministic per seed.
/// </summary>
public sealed class ElectionNightDraw
{
    private readonly ElectionDefinition _definition;
    private readonly NightProfile _night;
    private DeterministicRandom _random;

    public ElectionNightDraw(ElectionDefinition definition, long seed)
    {
        _definition = definition;
        _night = definition.World?.Night
            ?? throw new InvalidOperationException($"The definition {definition.Id} has no world.night section: it says nothing of how to draw a count.");
        _random = DeterministicRandom.For(seed, 77);
    }

    /// <summary>The true count of a precinct with <paramref name="onList"/> voters.</summary>
    public long[] Count(long onList)
    {
        var form = _definition.ProtocolForm;
        var v = new long[form.Lines.Count];
        void Set(string code, long value) => v[form.IndexOf[code]] = value;

        var turnout = Math.Clamp(_night.Turnout + (_random.NextDouble() - 0.5) * 2 * _night.Spread, 0.05, 1);
        var issued = (long)Math.Round(onList * turnout);
        var received = onList + (long)Math.Ceiling(onList * 0.01);
        Set("L1", onList);
        Set("L2", received);
        Set("L3", issued);
        Set("L4", received - issued);
        Set("L5", issued);
        // Each ballot is drawn on its own: invalid with the precinct's chance, else for a candidate with the
        // precinct's shares. Rounding shares instead would give every vote of a small precinct to the leader.
        var invalidChance = _night.InvalidShare * 2 * _random.NextDouble();
        var weights = form.CandidateLines.Select(c => KeyValuePair.Create(c.Code, _night.CandidateShares.GetValueOrDefault(c.Code) * (1 + (_random.NextDouble() - 0.5) * 2 * _night.Spread))).ToArray();
        var total = weights.Sum(w => w.Value);
        long invalid = 0;
        for (long ballot = 0; ballot < issued; ballot++)
        {
            if (_random.Chance(invalidChance))
            {
                invalid++;
            }
            else
            {
                v[form.IndexOf[_random.PickWeighted(weights, total)]]++;
            }
        }

        Set("L6", invalid);
        return v;
    }

    /// <summary>A typing slip: one line's value off by a digit; the control relations catch most of them.</summary>
    public long[] Slip(long[] values)
    {
        var copy = (long[])values.Clone();
        var line = _random.Next(copy.Length);
        copy[line] = copy[line] switch
        {
            < 10 => copy[line] + 1 + _random.Next(5),
            var x => x + (_random.Chance(0.5) ? 9 : -9) * (long)Math.Pow(10, _random.Next((int)Math.Log10(x))),
        };
        return copy;
    }

    public bool Chance(double probability) => _random.Chance(probability);

    /// <summary>A list size for a precinct of a world generated without voters (scale 0).</summary>
    public long ListSize() => 300 + _random.Next(2200);
}
