using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using MockGen.Deployment.Tests.Support;

namespace MockGen.Deployment.Tests.Infra;

/// <summary>
/// The security and platform properties of the compiled infra/main.bicep. Only Azure can prove the deployment
/// works; these tests pin what the template asks Azure for, so a regression (a key re-enabled, a role dropped, the
/// Event Grid filter widened) fails the build.
/// </summary>
public sealed partial class MainTemplateTests(MainTemplateFixture fixture) : IClassFixture<MainTemplateFixture>
{
    private const string StorageBlobDataOwner = "b7e6dc6d-f1e8-4753-8033-0f276bb0955b";
    private const string StorageQueueDataContributor = "974c5e8b-45b9-4653-ba55-5f855dd0fb88";
    private const string StorageTableDataContributor = "0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3";
    private const string MonitoringMetricsPublisher = "3913510d-42f4-4e42-8a64-420c390055eb";
    private const string CognitiveServicesOpenAiUser = "5e0bd9bd-7b93-4f28-af87-19fc36ad61bd";

    private ArmTemplate Template => fixture.Template;

    [Fact]
    public void StorageAccount_IsKeylessTls12V2_WithoutPublicBlobs()
    {
        var storage = Template.Single("Microsoft.Storage/storageAccounts");
        var properties = storage["properties"]!;

        Assert.False((bool)properties["allowSharedKeyAccess"]!);
        Assert.Equal("TLS1_2", (string?)properties["minimumTlsVersion"]);
        Assert.False((bool)properties["allowBlobPublicAccess"]!);
        Assert.True((bool)properties["supportsHttpsTrafficOnly"]!);
        Assert.Equal("StorageV2", (string?)storage["kind"]);
    }

    [Fact]
    public void StorageAccount_HasMockGenContainersAndTables()
    {
        var storage = Template.Module("storage");
        var containers = storage["variables"]!["containers"]!.AsArray().Select(c => (string?)c).ToList();
        var tables = storage["variables"]!["tables"]!.AsArray().Select(t => (string?)t).ToList();

        Assert.Contains("[parameters('deploymentContainerName')]", containers);
        Assert.Superset(new HashSet<string?> { "contracts", "contract-versions", "datasets", "reports", "mockgen-state" }, containers.ToHashSet());
        Assert.Superset(new HashSet<string?> { "contracts", "runs", "lineage", "apikeys" }, tables.ToHashSet());
        Assert.All(Template.Resources("Microsoft.Storage/storageAccounts/blobServices/containers"), c => Assert.Equal("None", (string?)c["properties"]!["publicAccess"]));
    }

    [Fact]
    public void Plan_IsFlexConsumptionFc1OnLinux()
    {
        var plan = Template.Single("Microsoft.Web/serverfarms");

        Assert.Equal("FC1", (string?)plan["sku"]!["name"]);
        Assert.Equal("FlexConsumption", (string?)plan["sku"]!["tier"]);
        Assert.True((bool)plan["properties"]!["reserved"]!);
    }

    [Fact]
    public void FunctionApp_RunsDotnetIsolated10_FromAnIdentityAuthenticatedDeploymentContainer()
    {
        var app = Template.Single("Microsoft.Web/sites");
        var config = app["properties"]!["functionAppConfig"]!;

        Assert.Equal("dotnet-isolated", (string?)config["runtime"]!["name"]);
        Assert.Equal("10.0", (string?)config["runtime"]!["version"]);
        Assert.Equal("blobContainer", (string?)config["deployment"]!["storage"]!["type"]);
        Assert.Equal("UserAssignedIdentity", (string?)config["deployment"]!["storage"]!["authentication"]!["type"]);
        Assert.Equal("[parameters('instanceMemoryMB')]", (string?)config["scaleAndConcurrency"]!["instanceMemoryMB"]);
        Assert.Equal("[parameters('maximumInstanceCount')]", (string?)config["scaleAndConcurrency"]!["maximumInstanceCount"]);
        Assert.Equal(2048, (int)Template.Root["parameters"]!["instanceMemoryMB"]!["defaultValue"]!);
        Assert.Equal(100, (int)Template.Root["parameters"]!["maximumInstanceCount"]!["defaultValue"]!);
        Assert.Equal("UserAssigned", (string?)app["identity"]!["type"]);
        Assert.True((bool)app["properties"]!["httpsOnly"]!);
        Assert.Equal("functionapp,linux", (string?)app["kind"]);
        // azd finds the service's resource by this tag: it must match the service name in azure.yaml.
        Assert.Contains("'azd-service-name', 'functions'", (string?)app["tags"], StringComparison.Ordinal);
    }

    [Fact]
    public void AppSettings_AreIdentityBased_ForHostStorageAndMockGenStorage()
    {
        var functions = Template.Module("functions");
        var variables = functions["variables"]!;
        foreach (var (group, prefix) in new[] { ("hostStorage", "AzureWebJobsStorage"), ("mockGenStorage", "MockGenStorage") })
        {
            var settings = variables[group]!.AsObject();
            Assert.Equal("managedidentity", (string?)settings[prefix + "__credential"]);
            Assert.Equal("[parameters('identityClientId')]", (string?)settings[prefix + "__clientId"]);
            Assert.Equal("[parameters('storageBlobEndpoint')]", (string?)settings[prefix + "__blobServiceUri"]);
            Assert.Equal("[parameters('storageQueueEndpoint')]", (string?)settings[prefix + "__queueServiceUri"]);
            Assert.Equal("[parameters('storageTableEndpoint')]", (string?)settings[prefix + "__tableServiceUri"]);
        }

        var applied = (string?)Template.Single("Microsoft.Web/sites/config")["properties"];
        Assert.Equal("[union(variables('hostStorage'), variables('mockGenStorage'), variables('common'), variables('ai'), variables('entra'))]", applied);
        Assert.Equal("ClientId={0};Authorization=AAD", FormatOf((string?)variables["common"]!["APPLICATIONINSIGHTS_AUTHENTICATION_STRING"]));
        // host.json names the Durable task hub %MOCKGEN_TASKHUB%.
        Assert.Equal("[parameters('taskHubName')]", (string?)variables["common"]!["MOCKGEN_TASKHUB"]);
    }

    [Fact]
    public void Template_CarriesNoKeysOrConnectionStringsAndNoWorkerRuntimeSetting()
    {
        var text = Template.Root.ToJsonString();

        Assert.DoesNotContain("AccountKey", text, StringComparison.Ordinal);
        Assert.DoesNotContain("listKeys(resourceId('Microsoft.Storage", text, StringComparison.Ordinal);
        Assert.DoesNotContain("DefaultEndpointsProtocol", text, StringComparison.Ordinal);
        // Flex takes the runtime from functionAppConfig; the setting is rejected there.
        Assert.DoesNotContain("FUNCTIONS_WORKER_RUNTIME", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Identity_HoldsBlobQueueAndTableDataRolesOnStorage_AndMetricsPublisherOnAppInsights()
    {
        var rbac = Template.Module("rbac");
        var granted = RoleAssignments(rbac)
            .Where(a => (string?)a.Assignment["properties"]!["principalId"] == "[parameters('identityPrincipalId')]")
            .ToList();

        Assert.All(granted, a => Assert.Equal("ServicePrincipal", (string?)a.Assignment["properties"]!["principalType"]));
        var onStorage = granted.Where(a => ((string?)a.Assignment["scope"])!.Contains("Microsoft.Storage/storageAccounts", StringComparison.Ordinal)).SelectMany(a => a.Roles);
        var onInsights = granted.Where(a => ((string?)a.Assignment["scope"])!.Contains("Microsoft.Insights/components", StringComparison.Ordinal)).SelectMany(a => a.Roles);
        Assert.Equal(new[] { StorageBlobDataOwner, StorageQueueDataContributor, StorageTableDataContributor }.Order(StringComparer.Ordinal), onStorage.Order(StringComparer.Ordinal));
        Assert.Equal(new[] { MonitoringMetricsPublisher }, onInsights);
        Assert.True((bool)Template.Single("Microsoft.Insights/components")["properties"]!["DisableLocalAuth"]!);
    }

    [Fact]
    public void Deployer_GetsStorageDataRoles_OnlyWhenPrincipalIdIsGiven()
    {
        var deployer = RoleAssignments(Template.Module("rbac"))
            .Single(a => (string?)a.Assignment["properties"]!["principalId"] == "[parameters('principalId')]");

        Assert.Equal("[length(if(empty(parameters('principalId')), createArray(), variables('storageRoles')))]", (string?)deployer.Assignment["copy"]!["count"]);
        Assert.Equal("[parameters('principalType')]", (string?)deployer.Assignment["properties"]!["principalType"]);
        Assert.Equal(string.Empty, (string?)Template.Root["parameters"]!["principalId"]!["defaultValue"]);
    }

    [Fact]
    public void EventGrid_SystemTopicOnTheStorageAccount_AndSubscriptionFilteredToContractsBlobCreated()
    {
        var topic = Template.Single("Microsoft.EventGrid/systemTopics");
        Assert.Equal("Microsoft.Storage.StorageAccounts", (string?)topic["properties"]!["topicType"]);

        var subscription = Template.Single("Microsoft.EventGrid/systemTopics/eventSubscriptions")["properties"]!;
        var filter = subscription["filter"]!;
        Assert.Equal(new[] { "Microsoft.Storage.BlobCreated" }, filter["includedEventTypes"]!.AsArray().Select(t => (string?)t));
        Assert.Equal("/blobServices/default/containers/contracts/", (string?)filter["subjectBeginsWith"]);
        Assert.Equal("WebHook", (string?)subscription["destination"]!["endpointType"]);

        // The blob extension's webhook, authenticated with the system key ARM reads from the deployed host.
        var url = (string?)subscription["destination"]!["properties"]!["endpointUrl"];
        Assert.Equal("https://{0}/runtime/webhooks/blobs?functionName=Host.Functions.{1}&code={2}", FormatOf(url));
        Assert.Contains("systemKeys.blobs_extension", url, StringComparison.Ordinal);
    }

    [Fact]
    public void EventGridSubscription_WaitsForDeployedCode_BehindAParameterOffByDefault()
    {
        var module = Template.Resources("Microsoft.Resources/deployments").Single(d => (string?)d["name"] == "blob-event-subscription");

        Assert.Equal("[parameters('blobTriggerSubscriptionEnabled')]", (string?)module["condition"]);
        Assert.False((bool)Template.Root["parameters"]!["blobTriggerSubscriptionEnabled"]!["defaultValue"]!);
    }

    [Fact]
    public void OpenAi_IsOffByDefault_AndWhenOnGrantsOpenAiUserAndSetsTheAppSettings()
    {
        Assert.False((bool)Template.Root["parameters"]!["openAiEnabled"]!["defaultValue"]!);
        var module = Template.Resources("Microsoft.Resources/deployments").Single(d => (string?)d["name"] == "openai");
        Assert.Equal("[parameters('openAiEnabled')]", (string?)module["condition"]);

        var account = Template.Single("Microsoft.CognitiveServices/accounts");
        Assert.Equal("OpenAI", (string?)account["kind"]);
        Assert.True((bool)account["properties"]!["disableLocalAuth"]!);
        Assert.Single(Template.Resources("Microsoft.CognitiveServices/accounts/deployments"));
        var role = (string?)Template.Module("openai")["variables"]!["openAiUserRole"];
        Assert.Equal(CognitiveServicesOpenAiUser, role);

        var ai = (string?)Template.Module("functions")["variables"]!["ai"];
        // The names the app reads (AiShardEnricherOptions.FromSettings; MockGenFunctionsServicesTests reads these very names), so a deployed account is used; no key.
        Assert.Equal("[if(empty(parameters('openAiEndpoint')), createObject(), createObject('AZURE_OPENAI_ENDPOINT', parameters('openAiEndpoint'), 'AZURE_OPENAI_DEPLOYMENT', parameters('openAiDeployment'), 'MOCKGEN_AI_MODE', parameters('aiMode')))]", ai);
        Assert.Equal("record", (string?)Template.Root["parameters"]!["aiMode"]!["defaultValue"]);
        // The app gets the endpoint only when the account exists; otherwise an empty value, which adds no setting.
        var passed = (string?)Template.Resources("Microsoft.Resources/deployments").Single(d => (string?)d["name"] == "functions")["properties"]!["parameters"]!["openAiEndpoint"];
        Assert.StartsWith("[if(parameters('openAiEnabled'), createObject('value', reference(", passed, StringComparison.Ordinal);
        Assert.EndsWith("'openai'), '2025-04-01').outputs.endpoint.value), createObject('value', ''))]", passed, StringComparison.Ordinal);
    }

    [Fact]
    public void Outputs_FollowAzdConventions()
    {
        var outputs = Template.Root["outputs"]!.AsObject();

        foreach (var name in new[] { "AZURE_LOCATION", "AZURE_TENANT_ID", "AZURE_RESOURCE_GROUP", "SERVICE_FUNCTIONS_NAME", "SERVICE_FUNCTIONS_URI", "AZURE_STORAGE_ACCOUNT_NAME", "AZURE_STORAGE_BLOB_ENDPOINT", "AZURE_STORAGE_QUEUE_ENDPOINT", "AZURE_STORAGE_TABLE_ENDPOINT", "AZURE_EVENTGRID_SYSTEM_TOPIC_NAME", "MOCKGEN_CONTRACT_TRIGGER_FUNCTION", "AZURE_OPENAI_ENDPOINT" })
        {
            Assert.True(outputs.ContainsKey(name), $"output {name} is missing");
        }

        Assert.Equal("subscription", SchemaScope());
    }

    [Fact]
    public async Task Parameters_MapEveryRequiredParameter_ToAnAzdEnvironmentValue()
    {
        var file = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(Locations.Infra, "main.parameters.json")))!["parameters"]!.AsObject();
        var declared = Template.Root["parameters"]!.AsObject();

        Assert.All(file, p => Assert.True(declared.ContainsKey(p.Key), $"main.parameters.json sets '{p.Key}', which main.bicep does not declare"));
        Assert.All(declared.Where(p => p.Value!["defaultValue"] is null), p => Assert.True(file.ContainsKey(p.Key), $"required parameter '{p.Key}' is not mapped"));
        Assert.Equal("${AZURE_ENV_NAME}", (string?)file["environmentName"]!["value"]);
        Assert.Equal("${AZURE_LOCATION}", (string?)file["location"]!["value"]);
        Assert.Equal("${AZURE_PRINCIPAL_ID}", (string?)file["principalId"]!["value"]);
        Assert.All(file, p => Assert.Matches(AzdReference(), (string?)p.Value!["value"]));
    }

    private string SchemaScope() =>
        ((string?)Template.Root["$schema"])!.Contains("subscriptionDeploymentTemplate", StringComparison.Ordinal) ? "subscription" : "other";

    // Resolves each role assignment's role ids, following the module's `roles`/`storageRoles` variables.
    private static IEnumerable<(JsonObject Assignment, IReadOnlyList<string> Roles)> RoleAssignments(JsonObject module)
    {
        var variables = module["variables"]!.AsObject();
        string Resolve(string? value)
        {
            var match = VariableMember().Match(value ?? string.Empty);
            return match.Success ? (string)variables[match.Groups[1].Value]![match.Groups[2].Value]! : value!;
        }

        foreach (var assignment in new ArmTemplate(module).Resources("Microsoft.Authorization/roleAssignments"))
        {
            var definition = (string?)assignment["properties"]!["roleDefinitionId"];
            IReadOnlyList<string> roles = definition!.Contains("variables('storageRoles')[copyIndex()]", StringComparison.Ordinal)
                ? [.. variables["storageRoles"]!.AsArray().Select(r => Resolve((string?)r))]
                : [Resolve("[" + RoleArgument().Match(definition).Groups[1].Value + "]")];
            yield return (assignment, roles);
        }
    }

    private static string? FormatOf(string? expression) => FormatString().Match(expression ?? string.Empty) is { Success: true } m ? m.Groups[1].Value : expression;

    [GeneratedRegex(@"^\[variables\('(\w+)'\)\.(\w+)\]$")]
    private static partial Regex VariableMember();

    [GeneratedRegex(@"roleDefinitions', (variables\('\w+'\)\.\w+)\)")]
    private static partial Regex RoleArgument();

    [GeneratedRegex(@"^\[format\('([^']*)'")]
    private static partial Regex FormatString();

    [GeneratedRegex(@"^\$\{[A-Z_]+(=[A-Za-z0-9_]*)?\}$")]
    private static partial Regex AzdReference();
}
