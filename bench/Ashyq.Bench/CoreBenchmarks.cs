using Ashyq.Core.Elections;
using Ashyq.Core.Generation;
using Ashyq.Core.Register;
using Ashyq.Core.Results;
using BenchmarkDotNet.Attributes;

namespace Ashyq.Bench;

/// <summary>
/// The hot paths of the foundation, side by side in one run: generating voters (the register's source at
/// 9.18 million), checking an IIN, and evaluating a protocol's control relations.
/// </summary>
[MemoryDiagnoser]
public class CoreBenchmarks
{
    private ElectionDefinition _definition = null!;
    private WorldGenerator _generator = null!;
    private GeneratedHierarchy _hierarchy = null!;
    private ProtocolForm _form = null!;
    private readonly long[] _protocol = [1000, 900, 700, 200, 700, 20, 10, 15, 20, 635];
    private string[] _iins = [];

    [GlobalSetup]
    public void Setup()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "definitions", "kz-2011-presidential.json");
        _definition = ElectionDefinitionLoader.Parse(File.ReadAllText(path), path);
        _generator = new WorldGenerator(_definition, 0.01, 1);
        _hierarchy = _generator.Hierarchy();
        _form = _definition.ProtocolForm;
        _iins = [.. _generator.Voters(_hierarchy).Take(10_000).Select(v => v.Iin.ToString())];
    }

    /// <summary>91,817 voters (scale 0.01) generated and enumerated.</summary>
    [Benchmark]
    public long GenerateVotersAtScale001() => _generator.Voters(_hierarchy).LongCount();

    /// <summary>10,000 IINs parsed and checked.</summary>
    [Benchmark]
    public int ParseIins()
    {
        var valid = 0;
        foreach (var text in _iins)
        {
            valid += Iin.TryParse(text, out _) ? 1 : 0;
        }

        return valid;
    }

    /// <summary>One protocol checked against all its control relations.</summary>
    [Benchmark]
    public int CheckProtocol() => _form.Broken(_protocol).Count;
}
