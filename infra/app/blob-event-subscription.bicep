// Delivers BlobCreated events under contracts/ to the blob trigger's webhook. Deployed separately from the rest:
// Event Grid validates the webhook when the subscription is created, and the URL needs the blobs_extension system
// key, which the host creates only once code with an Event Grid blob trigger runs. So the postdeploy hook deploys this
// file after `azd deploy`, and sets MOCKGEN_BLOB_SUBSCRIPTION_ENABLED so later provisions keep it (main.bicep).
targetScope = 'resourceGroup'

@description('The function app.')
param functionAppName string

@description('The storage account\'s Event Grid system topic.')
param systemTopicName string

@description('The blob-triggered function (its [Function] name).')
param functionName string

resource app 'Microsoft.Web/sites@2024-04-01' existing = {
  name: functionAppName
}

resource topic 'Microsoft.EventGrid/systemTopics@2025-02-15' existing = {
  name: systemTopicName
}

resource subscription 'Microsoft.EventGrid/systemTopics/eventSubscriptions@2025-02-15' = {
  parent: topic
  name: 'blobs-${toLower(functionName)}'
  properties: {
    destination: {
      endpointType: 'WebHook'
      properties: {
        // The key is read by ARM at deployment time and never leaves it (Event Grid stores the URL write-only).
        endpointUrl: 'https://${app.properties.defaultHostName}/runtime/webhooks/blobs?functionName=Host.Functions.${functionName}&code=${listKeys('${app.id}/host/default', '2024-04-01').systemKeys.blobs_extension}'
        maxEventsPerBatch: 1
        preferredBatchSizeInKilobytes: 64
      }
    }
    filter: {
      includedEventTypes: [
        'Microsoft.Storage.BlobCreated'
      ]
      // The blob trigger's path is contracts/{tenant}/{name}; the trailing slash keeps e.g. "contracts-archive" out.
      subjectBeginsWith: '/blobServices/default/containers/contracts/'
    }
    eventDeliverySchema: 'EventGridSchema'
    retryPolicy: {
      maxDeliveryAttempts: 30
      eventTimeToLiveInMinutes: 1440
    }
  }
}

output name string = subscription.name
