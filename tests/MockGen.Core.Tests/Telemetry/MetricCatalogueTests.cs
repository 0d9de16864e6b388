using System.Diagnostics.Metrics;
using MockGen.Core.Telemetry;
using MockGen.Core.Tests.Enrichment;

namespace MockGen.Core.Tests.Telemetry;

/// <summary>Issue 11: docs/METRICS.md lists every instrument of <see cref="MockGenMetrics"/> with its unit, and nothing else.</summary>
public sealed class MetricCatalogueTests
{
    [Fact]
    public void Catalogue_ListsEveryInstrumentWithItsUnit()
    {
        var rows = File.ReadAllLines(Path.Combine(StrictFixtures.RepositoryRoot(), "docs", "METRICS.md"))
            .Where(l => l.StartsWith("| `mockgen.", StringComparison.Ordinal) && l.Split('|').Length > 6)
            .Select(l => l.Split('|').Select(c => c.Trim().Trim('`')).ToArray())
            .ToDictionary(c => c[1], c => c[2], StringComparer.Ordinal);
        var instruments = typeof(MockGenMetrics).GetProperties()
            .Select(p => (Instrument)p.GetValue(null)!)
            .ToDictionary(i => i.Name, i => i.Unit, StringComparer.Ordinal);

        Assert.Equal(instruments.Keys.Order(StringComparer.Ordinal), rows.Keys.Order(StringComparer.Ordinal));
        foreach (var (name, unit) in instruments)
        {
            Assert.True(unit == rows[name], $"{name}: unit {unit} in code, {rows[name]} in docs/METRICS.md");
            Assert.Equal(MockGenTelemetry.Name, ((Instrument)typeof(MockGenMetrics).GetProperties().Select(p => p.GetValue(null)).First(i => ((Instrument)i!).Name == name)!).Meter.Name);
        }
    }
}
