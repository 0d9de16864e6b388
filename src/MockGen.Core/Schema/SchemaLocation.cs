namespace MockGen.Core.Schema;

/// <summary>Where a subschema sits: its resource, its pointer relative to that resource, and its dialect.</summary>
/// <param name="Resource">The enclosing schema resource.</param>
/// <param name="RelativePointer">JSON Pointer from the resource root.</param>
internal sealed record SchemaLocation(SchemaResource Resource, string RelativePointer)
{
    /// <summary>The absolute keyword location (resource URI + pointer fragment).</summary>
    public string Absolute => Resource.Uri + "#" + Json.JsonPointer.ToUriFragment(RelativePointer);
}
