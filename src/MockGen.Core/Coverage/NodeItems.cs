namespace MockGen.Core.Coverage;

/// <summary>The ids of the coverage items one schema node carries (-1: none), so measuring a value is lookups, not searches.</summary>
internal sealed class NodeItems
{
    public int[] EnumValues { get; set; } = [];

    public int Const { get; set; } = -1;

    /// <summary>Per optional property name: its present and absent items.</summary>
    public List<(string Name, int Present, int Absent)> Optional { get; } = [];

    public int[] AnyOf { get; set; } = [];

    public int[] OneOf { get; set; } = [];

    public List<(string Value, int Id)> Discriminator { get; } = [];

    public int Then { get; set; } = -1;

    public int Else { get; set; } = -1;

    public int SizeMin { get; set; } = -1;

    public int SizeMax { get; set; } = -1;

    public int Minimum { get; set; } = -1;

    public int Maximum { get; set; } = -1;

    public int ExclusiveMinimum { get; set; } = -1;

    public int ExclusiveMaximum { get; set; } = -1;

    public int LengthMin { get; set; } = -1;

    public int LengthMax { get; set; } = -1;

    public int Format { get; set; } = -1;

    /// <summary>Per breakable keyword (as the validator names it in a keyword location): its violation item.</summary>
    public Dictionary<string, int> Violations { get; } = new(StringComparer.Ordinal);
}
