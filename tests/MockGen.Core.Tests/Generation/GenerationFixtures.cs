using System.Text;
using MockGen.Core.Contracts;

namespace MockGen.Core.Tests.Generation;

/// <summary>Contracts the generation tests share; each test loads its own copy.</summary>
internal static class GenerationFixtures
{
    // A JSON Schema contract with nested objects, enums, exact money, formats, arrays and a oneOf.
    public const string OrderSchema = """
    {
      "$schema": "https://json-schema.org/draft/2020-12/schema",
      "title": "Order",
      "type": "object",
      "required": ["id", "tenant_id", "status", "total", "lines", "customer", "payment", "created_at"],
      "additionalProperties": false,
      "properties": {
        "id": { "type": "string", "format": "uuid" },
        "tenant_id": { "type": "string", "minLength": 1, "maxLength": 40 },
        "status": { "enum": ["new", "paid", "shipped", "cancelled"] },
        "total": { "$ref": "#/$defs/money" },
        "lines": {
          "type": "array", "minItems": 1, "maxItems": 6,
          "items": {
            "type": "object", "required": ["sku", "quantity", "unit_price"], "additionalProperties": false,
            "properties": {
              "sku": { "type": "string", "minLength": 3, "maxLength": 12 },
              "quantity": { "type": "integer", "minimum": 1, "maximum": 99 },
              "unit_price": { "$ref": "#/$defs/money" }
            }
          }
        },
        "customer": {
          "type": "object", "required": ["email", "name"], "additionalProperties": false,
          "properties": {
            "email": { "type": "string", "format": "email" },
            "name": { "type": "string", "minLength": 1, "maxLength": 60 },
            "vip": { "type": "boolean" }
          }
        },
        "payment": {
          "oneOf": [
            { "type": "object", "required": ["kind", "last4"], "additionalProperties": false,
              "properties": { "kind": { "const": "card" }, "last4": { "type": "string", "minLength": 4, "maxLength": 4 } } },
            { "type": "object", "required": ["kind", "account"], "additionalProperties": false,
              "properties": { "kind": { "const": "bank" }, "account": { "type": "string", "minLength": 8, "maxLength": 20 } } }
          ]
        },
        "discount": { "type": "number", "minimum": 0, "exclusiveMaximum": 0.5, "multipleOf": 0.05 },
        "note": { "type": ["string", "null"], "maxLength": 200 },
        "created_at": { "type": "string", "format": "date-time" }
      },
      "$defs": {
        "money": {
          "type": "object", "required": ["amount", "currency"], "additionalProperties": false,
          "properties": {
            "amount": { "type": "number", "exclusiveMinimum": 0, "maximum": 100000, "multipleOf": 0.01 },
            "currency": { "enum": ["EUR", "USD", "GBP"] }
          }
        }
      }
    }
    """;

    public static Contract LoadOrders() => new ContractLoader().Load("orders.schema.json", Encoding.UTF8.GetBytes(OrderSchema));

    public static Contract Load(string name, string json) => new ContractLoader().Load(name, Encoding.UTF8.GetBytes(json));
}
