using Ashyq.Core.Generation;
using Ashyq.Core.QuickCount;

namespace Ashyq.Core.Tests.QuickCount;

/// <summary>
/// A population of stations whose every protocol is known, made for the tests: regions that differ in turnout and
/// in the leader's share, town stations larger and less for the leader than village ones, and station-to-station
/// noise — so that stratification and weights matter. Lines as in the 2011 definition (L1…L6, C1…C4).
/// </summary>
internal static class SyntheticPopulation
{
    public static IReadOnlyList<PopulationStation> Make(int regions, int stationsPerRegion, long seed)
    {
        var random = DeterministicRandom.For(seed, 1);
        var stations = new List<PopulationStation>(regions * stationsPerRegion);
        for (var r = 0; r < regions; r++)
        {
            var region = $"R{r + 1:D2}";
            var regionTurnout = 0.75 + 0.2 * random.NextDouble();
            var regionLeader = 0.80 + 0.15 * random.NextDouble();
            for (var s = 0; s < stationsPerRegion; s++)
            {
                var town = random.Chance(0.5);
                long onList = town ? 1000 + random.Next(2000) : 150 + random.Next(700);
                var turnout = Math.Clamp(regionTurnout + (town ? -0.08 : 0.03) + (random.NextDouble() - 0.5) * 0.16, 0.2, 1);
                var participants = (long)Math.Round(onList * turnout);
                var invalid = (long)Math.Round(participants * 0.01 * random.NextDouble());
                var valid = participants - invalid;
                var leader = Math.Clamp(regionLeader + (town ? -0.10 : 0.02) + (random.NextDouble() - 0.5) * 0.12, 0.3, 0.99);
                var rest = 1 - leader;
                double[] weights = [rest * (0.2 + 0.2 * random.NextDouble()), rest * (0.2 + 0.2 * random.NextDouble()), rest * (0.3 + 0.2 * random.NextDouble()), leader];
                var votes = Apportionment.Apportion(valid, weights);
                var lines = new Dictionary<string, long>(StringComparer.Ordinal)
                {
                    ["L1"] = onList,
                    ["L2"] = onList + (long)Math.Ceiling(onList * 0.01),
                    ["L3"] = participants,
                    ["L4"] = onList + (long)Math.Ceiling(onList * 0.01) - participants,
                    ["L5"] = participants,
                    ["L6"] = invalid,
                    ["C1"] = votes[0],
                    ["C2"] = votes[1],
                    ["C3"] = votes[2],
                    ["C4"] = votes[3],
                };
                stations.Add(new PopulationStation(new FrameStation($"{region}-{s + 1:D4}", region, onList), lines));
            }
        }

        return stations;
    }
}
