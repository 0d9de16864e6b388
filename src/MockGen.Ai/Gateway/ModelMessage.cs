namespace MockGen.Ai.Gateway;

/// <summary>One chat message of a model request.</summary>
/// <param name="Role"><c>system</c>, <c>user</c> or <c>assistant</c>.</param>
/// <param name="Content">The rendered text.</param>
public sealed record ModelMessage(string Role, string Content);
