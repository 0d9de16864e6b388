using Microsoft.AspNetCore.Http;

namespace MockGen.Service.Auth;

/// <summary>
/// What a mutating handler tells the gate about the object it acted on, for the audit entry the gate writes once the
/// handler has answered (<see cref="TenantAuthorizer.InvokeAsync"/>). Lives in the request's <see cref="HttpContext.Items"/>.
/// </summary>
public sealed class AuditNote
{
    private static readonly object Key = new();

    /// <summary>The object acted on (<c>contract:pets.json</c>, <c>key:k…</c>, <c>run:r1</c>). Default: empty.</summary>
    public string Resource { get; set; } = string.Empty;

    /// <summary>The object's version. Default: empty.</summary>
    public string Version { get; set; } = string.Empty;

    /// <summary>A short, secret-free note. Default: empty.</summary>
    public string Detail { get; set; } = string.Empty;

    /// <summary>Overrides the outcome derived from the status code (e.g. <c>pending-approval</c>). Default: null.</summary>
    public string? Outcome { get; set; }

    /// <summary>The note of this request, created on first use.</summary>
    public static AuditNote Of(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Items.TryGetValue(Key, out var existing) && existing is AuditNote note)
        {
            return note;
        }

        note = new AuditNote();
        context.Items[Key] = note;
        return note;
    }

    /// <summary>Sets the object, version and detail in one call.</summary>
    public static void Describe(HttpRequest request, string obj, string? version = null, string? detail = null, string? outcome = null)
    {
        ArgumentNullException.ThrowIfNull(request);
        var note = Of(request.HttpContext);
        note.Resource = obj;
        note.Version = version ?? note.Version;
        note.Detail = detail ?? note.Detail;
        note.Outcome = outcome ?? note.Outcome;
    }
}
