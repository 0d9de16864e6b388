// The Event Grid system topic over the storage account: the source of the blob trigger on Flex Consumption, which
// has no polling blob trigger. Its subscription is in blob-event-subscription.bicep (it needs the deployed app).
param name string
param location string
param tags object
param storageAccountName string

resource storage 'Microsoft.Storage/storageAccounts@2023-05-01' existing = {
  name: storageAccountName
}

// One system topic per source account is allowed: this is it.
resource topic 'Microsoft.EventGrid/systemTopics@2025-02-15' = {
  name: name
  location: location
  tags: tags
  properties: {
    source: storage.id
    topicType: 'Microsoft.Storage.StorageAccounts'
  }
}

output name string = topic.name
