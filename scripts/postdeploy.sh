#!/bin/sh
# azd postdeploy hook: subscribes the blob trigger's webhook to BlobCreated events under contracts/.
# It runs after `azd deploy` because the webhook URL carries the blobs_extension system key, which the host creates
# only once the deployed code (with its Event Grid blob trigger) has started. ARM reads the key itself (listKeys in
# infra/app/blob-event-subscription.bicep), so it never passes through this shell. Needs `az login` (in CI the
# AzureCLI task provides it). Idempotent: re-running redeploys the same subscription.
set -eu

: "${AZURE_RESOURCE_GROUP:?run azd provision first}"
: "${SERVICE_FUNCTIONS_NAME:?run azd provision first}"
: "${AZURE_EVENTGRID_SYSTEM_TOPIC_NAME:?run azd provision first}"
function_name="${MOCKGEN_CONTRACT_TRIGGER_FUNCTION:-ContractUploaded}"

# The host writes its system keys shortly after its first start; wait for the blobs_extension key.
attempt=0
until [ -n "$(az functionapp keys list -g "$AZURE_RESOURCE_GROUP" -n "$SERVICE_FUNCTIONS_NAME" --query systemKeys.blobs_extension -o tsv 2>/dev/null)" ]; do
  attempt=$((attempt + 1))
  if [ "$attempt" -ge 30 ]; then
    echo "postdeploy: the blobs_extension key of $SERVICE_FUNCTIONS_NAME did not appear; is $function_name an Event Grid blob trigger?" >&2
    exit 1
  fi
  sleep 10
done

az deployment group create \
  --resource-group "$AZURE_RESOURCE_GROUP" \
  --name blob-event-subscription \
  --template-file "$(dirname "$0")/../infra/app/blob-event-subscription.bicep" \
  --parameters functionAppName="$SERVICE_FUNCTIONS_NAME" systemTopicName="$AZURE_EVENTGRID_SYSTEM_TOPIC_NAME" functionName="$function_name" \
  --output none

# From now on `azd provision` keeps the subscription in main.bicep instead of leaving it to this hook.
azd env set MOCKGEN_BLOB_SUBSCRIPTION_ENABLED true
echo "postdeploy: contracts/ BlobCreated events now reach $SERVICE_FUNCTIONS_NAME/$function_name"
