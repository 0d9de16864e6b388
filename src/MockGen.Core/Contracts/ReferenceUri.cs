namespace MockGen.Core.Contracts;

/// <summary>
/// Resolves a <c>$ref</c> value against a base URI. The fragment is split off by hand first: for
/// <c>file:</c> bases, <see cref="Uri(Uri, string)"/> treats <c>#</c> as part of the path
/// (<c>file:///a/%23/components</c>), which would make every <c>#/...</c> reference miss.
/// </summary>
internal static class ReferenceUri
{
    /// <summary>Splits <paramref name="reference"/> into the absolute document URI it names and its fragment (without <c>#</c>).</summary>
    public static bool TryResolve(Uri baseUri, string reference, out Uri documentUri, out string fragment)
    {
        var hash = reference.IndexOf('#', StringComparison.Ordinal);
        var documentPart = hash >= 0 ? reference[..hash] : reference;
        fragment = hash >= 0 ? reference[(hash + 1)..] : string.Empty;
        documentUri = ExternalReferenceScanner.WithoutFragment(baseUri);
        if (documentPart.Length == 0)
        {
            return true;
        }

        if (!Uri.TryCreate(baseUri, documentPart, out var resolved))
        {
            return false;
        }

        documentUri = ExternalReferenceScanner.WithoutFragment(resolved);
        return true;
    }
}
