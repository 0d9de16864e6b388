// One StorageV2 account for the Functions host (AzureWebJobsStorage: Durable task hub, blob-trigger receipts and
// queues, the deployment package) and MockGen's store (MockGenStorage). Keys are disabled: every caller uses Entra ID.
param name string
param location string
param tags object
param deploymentContainerName string

// MockGen's containers and tables (src/MockGen.Storage creates them on demand too; creating them here keeps a
// fresh deployment's first upload from racing the first run).
var containers = [
  deploymentContainerName
  'contracts'
  'contract-versions'
  'datasets'
  'reports'
  'mockgen-state'
]
var tables = [
  'contracts'
  'runs'
  'lineage'
  'apikeys'
]

resource storage 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: name
  location: location
  tags: tags
  // The blob trigger's Event Grid source needs general-purpose v2.
  kind: 'StorageV2'
  sku: {
    name: 'Standard_LRS'
  }
  properties: {
    accessTier: 'Hot'
    allowBlobPublicAccess: false
    allowSharedKeyAccess: false
    allowCrossTenantReplication: false
    defaultToOAuthAuthentication: true
    minimumTlsVersion: 'TLS1_2'
    supportsHttpsTrafficOnly: true
    dnsEndpointType: 'Standard'
    publicNetworkAccess: 'Enabled'
    networkAcls: {
      // Without a VNet the app reaches the account over its public endpoint; AzureServices lets Event Grid in.
      bypass: 'AzureServices'
      defaultAction: 'Allow'
    }
  }

  resource blobService 'blobServices' = {
    name: 'default'
    resource blobContainers 'containers' = [
      for container in containers: {
        name: container
        properties: {
          publicAccess: 'None'
        }
      }
    ]
  }

  resource tableService 'tableServices' = {
    name: 'default'
    resource storageTables 'tables' = [
      for table in tables: {
        name: table
      }
    ]
  }
}

output name string = storage.name
output id string = storage.id
output blobEndpoint string = storage.properties.primaryEndpoints.blob
output queueEndpoint string = storage.properties.primaryEndpoints.queue
output tableEndpoint string = storage.properties.primaryEndpoints.table
