using System.Globalization;
using System.Text;
using System.Text.Json;
using MockGen.Core.Generation;
using MockGen.Core.Generation.Realism;
using MockGen.Core.Generation.Walking;
using MockGen.Core.Validation;

namespace MockGen.Core.Tests.Generation.Realism;

public sealed class RealismLeafSourceTests
{
    private const string CustomerSchema = """
    {
      "$schema": "https://json-schema.org/draft/2020-12/schema",
      "type": "object",
      "required": ["id", "tenantId", "firstName", "lastName", "email", "phone", "address", "balance", "createdAt", "updatedAt", "iban", "plan"],
      "additionalProperties": false,
      "properties": {
        "id": { "type": "string", "format": "uuid" },
        "tenantId": { "type": "string" },
        "firstName": { "type": "string", "minLength": 1, "maxLength": 40 },
        "lastName": { "type": "string", "minLength": 1, "maxLength": 40 },
        "email": { "type": "string", "format": "email" },
        "phone": { "type": "string", "pattern": "^\\+[1-9][0-9]{7,14}$" },
        "address": {
          "type": "object", "required": ["street", "city", "postalCode", "country"], "additionalProperties": false,
          "properties": {
            "street": { "type": "string" }, "city": { "type": "string" }, "postalCode": { "type": "string" },
            "country": { "type": "string", "pattern": "^[A-Z]{2}$" }
          }
        },
        "balance": {
          "type": "object", "required": ["amount", "currency"], "additionalProperties": false,
          "properties": { "amount": { "type": "number", "minimum": 0, "maximum": 1000000 }, "currency": { "type": "string", "minLength": 3, "maxLength": 3 } }
        },
        "createdAt": { "type": "string", "format": "date-time" },
        "updatedAt": { "type": "string", "format": "date-time" },
        "iban": { "type": "string", "pattern": "^[A-Z]{2}[0-9]{2}[A-Z0-9]{11,30}$" },
        "plan": { "type": "string", "x-mockgen": { "values": ["free", "pro", "enterprise"] } }
      }
    }
    """;

    [Fact]
    public void Walker_WithRealism_ProducesValidCoherentPayloads()
    {
        var contract = GenerationFixtures.Load("customer.schema.json", CustomerSchema);
        var target = contract.Targets.First(t => t.JsonPointer.Length == 0);
        var engine = new RealismEngine(new RealismOptions { Locale = "de", Tenant = "acme" });
        var settings = new WalkerSettings { Direction = target.Direction, Leaves = new RealismLeafSource(engine) };
        var generator = ContractSchemas.CreateTarget(contract.Schemas, target.SchemaUri, settings, new ValidationOptions { AssertFormats = true });

        for (var i = 0; i < 40; i++)
        {
            var key = new PayloadKey(contract.Version, target.Id, GenerationVariant.Typical, "7", "acme", "test", i);
            var generated = Assert.IsType<Generated>(generator.Generate(key));
            using var document = JsonDocument.Parse(generated.Json);
            var root = document.RootElement;
            var json = Encoding.UTF8.GetString(generated.Json);

            Assert.Equal("acme", root.GetProperty("tenantId").GetString());
            var last = Transliteration.ToAsciiSlug(root.GetProperty("lastName").GetString()!);
            Assert.Contains(last, root.GetProperty("email").GetString()!, StringComparison.Ordinal);
            Assert.True(CurrencyTable.TryGet(root.GetProperty("balance").GetProperty("currency").GetString()!, out var currency), json);
            var amount = root.GetProperty("balance").GetProperty("amount").GetDecimal();
            Assert.Equal(decimal.Round(amount, currency.MinorUnits), amount);
            var created = DateTimeOffset.Parse(root.GetProperty("createdAt").GetString()!, CultureInfo.InvariantCulture);
            var updated = DateTimeOffset.Parse(root.GetProperty("updatedAt").GetString()!, CultureInfo.InvariantCulture);
            Assert.True(created <= updated, json);
            Assert.True(IbanGenerator.IsValid(root.GetProperty("iban").GetString()!), json);
            Assert.Contains(root.GetProperty("plan").GetString(), (string[])["free", "pro", "enterprise"]);
        }
    }
}
