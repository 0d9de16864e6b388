namespace MockGen.Core.Schema;

/// <summary>One entry of <c>properties</c>, in document order.</summary>
/// <param name="Name">The property name.</param>
/// <param name="Node">Its compiled schema.</param>
internal sealed record SchemaProperty(string Name, SchemaNode Node)
{
    /// <summary>The name as UTF-8, compared against instance bytes without transcoding.</summary>
    internal byte[] Utf8Name { get; } = System.Text.Encoding.UTF8.GetBytes(Name);
}
