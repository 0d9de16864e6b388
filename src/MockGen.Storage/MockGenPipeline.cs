using MockGen.Storage.Audit;
using MockGen.Storage.Engine;
using MockGen.Storage.Governance;
using MockGen.Storage.Lineage;
using MockGen.Storage.Prompts;
using MockGen.Storage.Registry;
using MockGen.Storage.Runs;
using MockGen.Storage.Stores;

namespace MockGen.Storage;

/// <summary>
/// The pipeline wired over one store and one engine: registry, intake, prompt templates, run catalog, lineage, activities, the local
/// runner and the dataset reader. Hosts (CLI, <c>mockgen serve</c>, tests) build one and share it.
/// </summary>
public sealed class MockGenPipeline
{
    /// <summary>Wires the pipeline.</summary>
    public MockGenPipeline(PipelineStore store, PipelineEngine engine, TimeProvider time)
    {
        Store = store ?? throw new ArgumentNullException(nameof(store));
        Engine = engine ?? throw new ArgumentNullException(nameof(engine));
        Time = time ?? throw new ArgumentNullException(nameof(time));
        Audit = new AuditLog(store.Tables, time);
        Governance = new VersionGovernance(store.Tables, time);
        Registry = new ContractRegistry(store, engine.Inspector, time, Governance);
        Publisher = new VersionPublisher(Registry, Governance, Audit);
        Intake = new ContractIntake(store, Registry, Publisher);
        Prompts = new PromptPublisher(new PromptRegistry(store.Blobs, Governance, time), Registry, Governance, Audit);
        Runs = new RunCatalog(store.Tables, time);
        Lineage = new LineageIndex(store.Tables);
        Activities = new PipelineActivities(store, Registry, engine, Runs);
        Runner = new LocalOrchestrationRunner(Activities, Runs);
        Reader = new DatasetReader(Activities, Lineage);
    }

    /// <summary>The store.</summary>
    public PipelineStore Store { get; }

    /// <summary>The Core engine seams.</summary>
    public PipelineEngine Engine { get; }

    /// <summary>The clock (upload and run times only; never payloads).</summary>
    public TimeProvider Time { get; }

    /// <summary>The contract registry.</summary>
    public ContractRegistry Registry { get; }

    /// <summary>Each tenant's append-only, hash-chained audit log.</summary>
    public AuditLog Audit { get; }

    /// <summary>Active versions and approvals of contracts, profiles and prompt templates.</summary>
    public VersionGovernance Governance { get; }

    /// <summary>Classifies new versions against the active ones and records them in governance.</summary>
    public VersionPublisher Publisher { get; }

    /// <summary>Prompt templates: publish, approve, reject, activate and resolve them under the tenant's policy.</summary>
    public PromptPublisher Prompts { get; }

    /// <summary>The contract-blob watcher's scan step.</summary>
    public ContractIntake Intake { get; }

    /// <summary>The runs table.</summary>
    public RunCatalog Runs { get; }

    /// <summary>The lineage index.</summary>
    public LineageIndex Lineage { get; }

    /// <summary>The activity bodies.</summary>
    public PipelineActivities Activities { get; }

    /// <summary>The in-process orchestration runner.</summary>
    public LocalOrchestrationRunner Runner { get; }

    /// <summary>Reads datasets back.</summary>
    public DatasetReader Reader { get; }
}
