// MockGen on Azure Functions Flex Consumption, provisioned by `azd up` (or `azd provision`).
// Plain resources in local modules: registry (br/public) modules cannot be restored on the build machines, and
// the deployment tests compile and lint this file with a pinned Bicep CLI.
targetScope = 'subscription'

@minLength(1)
@maxLength(64)
@description('Name of the azd environment: part of every resource name and the azd-env-name tag.')
param environmentName string

@minLength(1)
@description('Region of every resource. Flex Consumption is not offered everywhere: see `az functionapp list-flexconsumption-locations`.')
@metadata({
  azd: {
    type: 'location'
  }
})
param location string

@description('Object id of who runs azd (a user locally, the pipeline\'s service principal in CI). Gets data roles on the storage account so contracts can be pushed with `--auth-mode login`. Empty: none.')
param principalId string = ''

@description('Whether principalId is a user or a service principal.')
@allowed([
  'User'
  'ServicePrincipal'
])
param principalType string = 'User'

@description('Resource group to create. Default: rg-<environmentName>.')
param resourceGroupName string = ''

@description('Memory of one Flex Consumption instance, in MB.')
@allowed([
  512
  2048
  4096
])
param instanceMemoryMB int = 2048

@description('Upper bound of the instances Flex Consumption scales out to.')
@minValue(40)
@maxValue(1000)
param maximumInstanceCount int = 100

@description('Name of the blob-triggered function that registers uploaded contracts (the webhook Event Grid delivers to).')
param contractTriggerFunctionName string = 'ContractUploaded'

@description('Creates the Event Grid subscription that feeds the blob trigger. It needs the blobs_extension system key, which exists only after the code is deployed, so the postdeploy hook creates it once and then sets MOCKGEN_BLOB_SUBSCRIPTION_ENABLED=true for later provisions.')
param blobTriggerSubscriptionEnabled bool = false

@description('Provision an Azure OpenAI account and model deployment for AI enrichment.')
param openAiEnabled bool = false

@description('Region of the Azure OpenAI account (model availability differs by region). Default: location.')
param openAiLocation string = ''

@description('Model to deploy when openAiEnabled.')
param openAiModelName string = 'gpt-4o-mini'

@description('Model version to deploy when openAiEnabled.')
param openAiModelVersion string = '2024-07-18'

@description('Deployment capacity in thousands of tokens per minute.')
@minValue(1)
param openAiCapacity int = 10

@description('MOCKGEN_AI_MODE of the app when openAiEnabled: record (call the account for answers missing from ai-cassettes/{tenant}/ and store them, then replay), replay (cassettes only) or live. Without the account the app replays.')
@allowed([
  'replay'
  'record'
  'live'
])
param aiMode string = 'record'

@description('Entra ID authority (https://login.microsoftonline.com/<tenant-id>/v2.0) whose bearer tokens the API accepts besides API keys. Empty: API keys only.')
param entraAuthority string = ''

@description('Audience (the API app registration\'s Application ID URI or client id) Entra tokens must carry.')
param entraAudience string = ''

@description('Claim listing the tenants a token may act for. Empty: app roles named MockGen.Tenant.<tenant>.')
param entraTenantClaim string = ''

var resourceToken = toLower(uniqueString(subscription().id, environmentName, location))
var tags = {
  'azd-env-name': environmentName
}
var functionAppName = 'func-${resourceToken}'
// The Flex deployment package container; templates name it after the app so several apps can share an account.
var deploymentContainerName = 'app-package-${take(functionAppName, 32)}-${take(resourceToken, 7)}'

resource rg 'Microsoft.Resources/resourceGroups@2024-03-01' = {
  name: empty(resourceGroupName) ? 'rg-${environmentName}' : resourceGroupName
  location: location
  tags: tags
}

module identity 'app/identity.bicep' = {
  name: 'identity'
  scope: rg
  params: {
    name: 'id-${resourceToken}'
    location: location
    tags: tags
  }
}

module monitoring 'core/monitoring.bicep' = {
  name: 'monitoring'
  scope: rg
  params: {
    logAnalyticsName: 'log-${resourceToken}'
    applicationInsightsName: 'appi-${resourceToken}'
    location: location
    tags: tags
  }
}

module storage 'core/storage.bicep' = {
  name: 'storage'
  scope: rg
  params: {
    name: 'st${resourceToken}'
    location: location
    tags: tags
    deploymentContainerName: deploymentContainerName
  }
}

module openAi 'ai/openai.bicep' = if (openAiEnabled) {
  name: 'openai'
  scope: rg
  params: {
    name: 'oai-${resourceToken}'
    location: empty(openAiLocation) ? location : openAiLocation
    tags: tags
    modelName: openAiModelName
    modelVersion: openAiModelVersion
    capacity: openAiCapacity
    identityPrincipalId: identity.outputs.principalId
  }
}

module rbac 'app/rbac.bicep' = {
  name: 'rbac'
  scope: rg
  params: {
    storageAccountName: storage.outputs.name
    applicationInsightsName: monitoring.outputs.applicationInsightsName
    identityPrincipalId: identity.outputs.principalId
    principalId: principalId
    principalType: principalType
  }
}

module functions 'app/functions.bicep' = {
  name: 'functions'
  scope: rg
  params: {
    name: functionAppName
    planName: 'plan-${resourceToken}'
    location: location
    tags: tags
    identityId: identity.outputs.id
    identityClientId: identity.outputs.clientId
    storageBlobEndpoint: storage.outputs.blobEndpoint
    storageQueueEndpoint: storage.outputs.queueEndpoint
    storageTableEndpoint: storage.outputs.tableEndpoint
    deploymentContainerName: deploymentContainerName
    applicationInsightsConnectionString: monitoring.outputs.applicationInsightsConnectionString
    instanceMemoryMB: instanceMemoryMB
    maximumInstanceCount: maximumInstanceCount
    taskHubName: 'mockgen${take(resourceToken, 10)}'
    openAiEndpoint: openAiEnabled ? openAi!.outputs.endpoint : ''
    openAiDeployment: openAiEnabled ? openAi!.outputs.deploymentName : ''
    aiMode: aiMode
    entraAuthority: entraAuthority
    entraAudience: entraAudience
    entraTenantClaim: entraTenantClaim
  }
  // The host reads its storage with the identity at start: grant the roles before the app exists.
  dependsOn: [
    rbac
  ]
}

module eventGrid 'app/eventgrid.bicep' = {
  name: 'eventgrid'
  scope: rg
  params: {
    name: 'evgt-${resourceToken}'
    location: location
    tags: tags
    storageAccountName: storage.outputs.name
  }
}

module blobSubscription 'app/blob-event-subscription.bicep' = if (blobTriggerSubscriptionEnabled) {
  name: 'blob-event-subscription'
  scope: rg
  params: {
    functionAppName: functions.outputs.name
    systemTopicName: eventGrid.outputs.name
    functionName: contractTriggerFunctionName
  }
}

// azd reads these into the environment (.azure/<env>/.env); the postdeploy hook and the README's commands use them.
output AZURE_LOCATION string = location
output AZURE_TENANT_ID string = tenant().tenantId
output AZURE_RESOURCE_GROUP string = rg.name
output SERVICE_FUNCTIONS_NAME string = functions.outputs.name
output SERVICE_FUNCTIONS_URI string = functions.outputs.uri
output AZURE_FUNCTION_APP_NAME string = functions.outputs.name
output MOCKGEN_CONTRACT_TRIGGER_FUNCTION string = contractTriggerFunctionName
output AZURE_STORAGE_ACCOUNT_NAME string = storage.outputs.name
output AZURE_STORAGE_BLOB_ENDPOINT string = storage.outputs.blobEndpoint
output AZURE_STORAGE_QUEUE_ENDPOINT string = storage.outputs.queueEndpoint
output AZURE_STORAGE_TABLE_ENDPOINT string = storage.outputs.tableEndpoint
output AZURE_EVENTGRID_SYSTEM_TOPIC_NAME string = eventGrid.outputs.name
output AZURE_USER_ASSIGNED_IDENTITY_CLIENT_ID string = identity.outputs.clientId
output APPLICATIONINSIGHTS_NAME string = monitoring.outputs.applicationInsightsName
output AZURE_OPENAI_ENDPOINT string = openAiEnabled ? openAi!.outputs.endpoint : ''
output AZURE_OPENAI_DEPLOYMENT string = openAiEnabled ? openAi!.outputs.deploymentName : ''
