using MockGen.Core.Schema;

namespace MockGen.Core.Validation;

/// <summary>
/// State of one validation pass: the dynamic scope (for <c>$dynamicRef</c>/<c>$recursiveRef</c>), the
/// references entered since the instance last moved (loop detection), and, in the error pass only, the
/// instance and keyword paths and the collected errors. Reused across calls on a thread.
/// </summary>
internal sealed class EvaluationContext
{
    [ThreadStatic]
    private static EvaluationContext? s_cached;

    public SchemaResource[] Scope { get; private set; } = new SchemaResource[32];

    public int ScopeCount { get; set; }

    public SchemaNode[] RefStack { get; private set; } = new SchemaNode[32];

    public int RefCount { get; set; }

    public int RefFrameStart { get; set; }

    public int Depth { get; set; }

    public bool Collect { get; private set; }

    public ValidationOptions Options { get; private set; } = ValidationOptions.Default;

    public List<string> InstancePath { get; } = [];

    public List<string> KeywordPath { get; } = [];

    public List<ValidationError> Errors { get; } = [];

    /// <summary>Silences error collection inside a subschema whose failure is expected (not, if, contains).</summary>
    public void SetCollect(bool collect) => Collect = collect;

    public static EvaluationContext Rent(ValidationOptions options, bool collect)
    {
        var ctx = s_cached ?? new EvaluationContext();
        s_cached = null;
        ctx.Options = options;
        ctx.Collect = collect;
        ctx.ScopeCount = 0;
        ctx.RefCount = 0;
        ctx.RefFrameStart = 0;
        ctx.Depth = 0;
        ctx.InstancePath.Clear();
        ctx.KeywordPath.Clear();
        ctx.Errors.Clear();
        return ctx;
    }

    public static void Return(EvaluationContext ctx)
    {
        ctx.Errors.Clear();
        s_cached = ctx;
    }

    public void PushScope(SchemaResource resource)
    {
        if (ScopeCount == Scope.Length)
        {
            var bigger = new SchemaResource[Scope.Length * 2];
            Scope.CopyTo(bigger, 0);
            Scope = bigger;
        }

        Scope[ScopeCount++] = resource;
    }

    public bool PushRef(SchemaNode target)
    {
        for (var i = RefFrameStart; i < RefCount; i++)
        {
            if (ReferenceEquals(RefStack[i], target))
            {
                return false;
            }
        }

        if (RefCount == RefStack.Length)
        {
            var bigger = new SchemaNode[RefStack.Length * 2];
            RefStack.CopyTo(bigger, 0);
            RefStack = bigger;
        }

        RefStack[RefCount++] = target;
        return true;
    }
}
