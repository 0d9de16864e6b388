namespace MockGen.Functions.Hosting;

/// <summary>
/// The Functions app's MockGen settings, bound from the <c>MockGen</c> configuration section (app settings
/// <c>MockGen__MaxParallelShards</c>, …) and validated once at startup.
/// </summary>
public sealed class MockGenFunctionsOptions
{
    /// <summary>The configuration section the options are bound from.</summary>
    public const string Section = "MockGen";

    /// <summary>How many shard activities one run or drift keeps in flight. Default: 4.</summary>
    public int MaxParallelShards { get; set; } = 4;

    /// <summary>Reports every invalid field in one message.</summary>
    /// <exception cref="ArgumentException">Some field is out of range.</exception>
    public void Validate()
    {
        if (MaxParallelShards < 1)
        {
            throw new ArgumentException($"invalid MockGen settings: {Section}:{nameof(MaxParallelShards)} must be at least 1 (is {MaxParallelShards})");
        }
    }
}
