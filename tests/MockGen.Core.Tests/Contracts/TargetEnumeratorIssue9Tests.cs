using System.Text;
using MockGen.Core.Contracts;
using MockGen.Core.Schema;

namespace MockGen.Core.Tests.Contracts;

/// <summary>Issue 9: webhooks, callbacks and reusable request bodies/responses are targets.</summary>
public sealed class TargetEnumeratorIssue9Tests
{
    [Fact]
    public void Enumerate_WebhooksCallbacksAndComponentBodies_AreTargets()
    {
        var contract = new ContractLoader().Load("hooks.json", Encoding.UTF8.GetBytes("""
            {"openapi":"3.1.0","info":{"title":"t","version":"1"},
             "paths":{"/subscribe":{"post":{"operationId":"subscribe",
               "responses":{"201":{"description":"ok"}},
               "callbacks":{"onEvent":{"{$request.body#/url}":{"post":{
                 "requestBody":{"content":{"application/json":{"schema":{"type":"object","required":["event"],"properties":{"event":{"type":"string"}}}}}},
                 "responses":{"200":{"description":"ok"}}}}}}}}},
             "webhooks":{"newPet":{"post":{"requestBody":{"content":{"application/json":{"schema":{"type":"integer"}}}},"responses":{"200":{"description":"ok"}}}}},
             "components":{
               "requestBodies":{"Note":{"content":{"application/json":{"schema":{"type":"string"}}}}},
               "responses":{"Problem":{"description":"p","content":{"application/problem+json":{"schema":{"type":"boolean"}}}}}}}
            """));

        var ids = contract.Targets.Select(t => t.Id).ToList();

        Assert.Contains("#/paths/~1subscribe/post/callbacks/onEvent/{$request.body#~1url}/post/requestBody/content/application~1json/schema", ids.Select(Uri.UnescapeDataString));
        Assert.Contains("#/webhooks/newPet/post/requestBody/content/application~1json/schema", ids);
        Assert.Contains("#/components/requestBodies/Note/content/application~1json/schema", ids);
        Assert.Contains("#/components/responses/Problem/content/application~1problem+json/schema", ids);
        Assert.Equal(PayloadDirection.Request, contract.Targets.Single(t => t.Id.StartsWith("#/webhooks", StringComparison.Ordinal)).Direction);
        Assert.Equal(PayloadDirection.Response, contract.Targets.Single(t => t.Id.StartsWith("#/components/responses", StringComparison.Ordinal)).Direction);
        foreach (var target in contract.Targets)
        {
            contract.Compile(target);
        }
    }
}
