// The Flex Consumption (FC1) plan and the MockGen function app (.NET 10 isolated worker). Every connection is
// identity-based through the user-assigned identity; no key or connection string is stored in settings.
param name string
param planName string
param location string
param tags object
param identityId string
param identityClientId string
param storageBlobEndpoint string
param storageQueueEndpoint string
param storageTableEndpoint string
param deploymentContainerName string
param applicationInsightsConnectionString string
param instanceMemoryMB int
param maximumInstanceCount int
param taskHubName string
param openAiEndpoint string
param openAiDeployment string
param aiMode string
param entraAuthority string
param entraAudience string
param entraTenantClaim string

resource plan 'Microsoft.Web/serverfarms@2024-04-01' = {
  name: planName
  location: location
  tags: tags
  kind: 'functionapp'
  sku: {
    tier: 'FlexConsumption'
    name: 'FC1'
  }
  properties: {
    // Linux: Flex Consumption runs only on Linux.
    reserved: true
  }
}

// The blob trigger and Durable both need blob, queue and table endpoints (a blobServiceUri alone makes the Event
// Grid blob trigger fire and then fail before the function runs: azure-functions-dotnet-worker #1890).
var hostStorage = {
  AzureWebJobsStorage__credential: 'managedidentity'
  AzureWebJobsStorage__clientId: identityClientId
  AzureWebJobsStorage__blobServiceUri: storageBlobEndpoint
  AzureWebJobsStorage__queueServiceUri: storageQueueEndpoint
  AzureWebJobsStorage__tableServiceUri: storageTableEndpoint
}
var mockGenStorage = {
  MockGenStorage__credential: 'managedidentity'
  MockGenStorage__clientId: identityClientId
  MockGenStorage__blobServiceUri: storageBlobEndpoint
  MockGenStorage__queueServiceUri: storageQueueEndpoint
  MockGenStorage__tableServiceUri: storageTableEndpoint
}
var common = {
  APPLICATIONINSIGHTS_CONNECTION_STRING: applicationInsightsConnectionString
  // Local auth is off on the component: the exporter authenticates with the identity.
  APPLICATIONINSIGHTS_AUTHENTICATION_STRING: 'ClientId=${identityClientId};Authorization=AAD'
  // DefaultAzureCredential in MockGen's own clients picks the user-assigned identity from this.
  AZURE_CLIENT_ID: identityClientId
  // host.json reads the Durable hub name from this (%MOCKGEN_TASKHUB%): one hub per environment, since two apps sharing an account and a hub steal each other's messages.
  MOCKGEN_TASKHUB: taskHubName
}
// The names AiShardEnricherOptions.FromSettings reads. No key: local auth is off on the account, so the app reaches it
// with Entra ID as the user-assigned identity (AZURE_CLIENT_ID above), which holds Cognitive Services OpenAI User.
var ai = empty(openAiEndpoint)
  ? {}
  : {
      AZURE_OPENAI_ENDPOINT: openAiEndpoint
      AZURE_OPENAI_DEPLOYMENT: openAiDeployment
      MOCKGEN_AI_MODE: aiMode
    }
var entra = empty(entraAuthority)
  ? {}
  : {
      MockGen__Entra__Authority: entraAuthority
      MockGen__Entra__Audience: entraAudience
      MockGen__Entra__TenantClaim: entraTenantClaim
    }

resource app 'Microsoft.Web/sites@2024-04-01' = {
  name: name
  location: location
  // azd finds the service's resource by this tag.
  tags: union(tags, {
    'azd-service-name': 'functions'
  })
  kind: 'functionapp,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identityId}': {}
    }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    siteConfig: {
      minTlsVersion: '1.2'
      ftpsState: 'Disabled'
      http20Enabled: true
    }
    functionAppConfig: {
      deployment: {
        storage: {
          type: 'blobContainer'
          value: '${storageBlobEndpoint}${deploymentContainerName}'
          authentication: {
            type: 'UserAssignedIdentity'
            userAssignedIdentityResourceId: identityId
          }
        }
      }
      scaleAndConcurrency: {
        instanceMemoryMB: instanceMemoryMB
        maximumInstanceCount: maximumInstanceCount
        // One warm instance for Durable: it avoids orchestrations stuck Pending on a cold Flex app
        // (azure-functions-durable-extension #3230).
        alwaysReady: [
          {
            name: 'durable'
            instanceCount: 1
          }
        ]
      }
      runtime: {
        name: 'dotnet-isolated'
        version: '10.0'
      }
    }
  }

  // No FUNCTIONS_WORKER_RUNTIME or FUNCTIONS_EXTENSION_VERSION: Flex takes the runtime from functionAppConfig.
  resource settings 'config' = {
    name: 'appsettings'
    properties: union(hostStorage, mockGenStorage, common, ai, entra)
  }
}

output name string = app.name
output uri string = 'https://${app.properties.defaultHostName}'
