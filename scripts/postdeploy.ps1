# azd postdeploy hook (Windows): the same steps as postdeploy.sh; see the comments there.
$ErrorActionPreference = 'Stop'
foreach ($name in 'AZURE_RESOURCE_GROUP', 'SERVICE_FUNCTIONS_NAME', 'AZURE_EVENTGRID_SYSTEM_TOPIC_NAME') {
    if (-not [Environment]::GetEnvironmentVariable($name)) { throw "$name is not set: run azd provision first" }
}
$functionName = if ($env:MOCKGEN_CONTRACT_TRIGGER_FUNCTION) { $env:MOCKGEN_CONTRACT_TRIGGER_FUNCTION } else { 'ContractUploaded' }

for ($attempt = 1; ; $attempt++) {
    $key = az functionapp keys list -g $env:AZURE_RESOURCE_GROUP -n $env:SERVICE_FUNCTIONS_NAME --query systemKeys.blobs_extension -o tsv 2>$null
    if ($key) { break }
    if ($attempt -ge 30) { throw "the blobs_extension key of $($env:SERVICE_FUNCTIONS_NAME) did not appear; is $functionName an Event Grid blob trigger?" }
    Start-Sleep -Seconds 10
}
Remove-Variable key

az deployment group create `
    --resource-group $env:AZURE_RESOURCE_GROUP `
    --name blob-event-subscription `
    --template-file (Join-Path $PSScriptRoot '../infra/app/blob-event-subscription.bicep') `
    --parameters functionAppName=$($env:SERVICE_FUNCTIONS_NAME) systemTopicName=$($env:AZURE_EVENTGRID_SYSTEM_TOPIC_NAME) functionName=$functionName `
    --output none
if ($LASTEXITCODE -ne 0) { throw 'az deployment group create failed' }

azd env set MOCKGEN_BLOB_SUBSCRIPTION_ENABLED true
Write-Host "postdeploy: contracts/ BlobCreated events now reach $($env:SERVICE_FUNCTIONS_NAME)/$functionName"
