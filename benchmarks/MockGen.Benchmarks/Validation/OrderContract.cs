using System.Globalization;
using System.Text;
using System.Text.Json;

namespace MockGen.Benchmarks.Validation;

/// <summary>
/// A contract-shaped schema (an order with customer, lines, addresses and a oneOf payment) and a set of
/// valid instances built deterministically from it.
/// </summary>
internal static class OrderContract
{
    private static readonly string[] Statuses = ["pending", "paid", "shipped", "delivered", "cancelled"];

    public const string Schema = """
        {
          "$schema": "https://json-schema.org/draft/2020-12/schema",
          "$id": "https://shop.example.com/schemas/order.json",
          "type": "object",
          "required": ["id", "createdAt", "status", "customer", "lines", "total", "payment"],
          "additionalProperties": false,
          "properties": {
            "id": { "type": "string", "format": "uuid" },
            "createdAt": { "type": "string", "format": "date-time" },
            "status": { "enum": ["pending", "paid", "shipped", "delivered", "cancelled"] },
            "reference": { "type": "string", "pattern": "^ORD-[0-9]{4}-[A-Z]{3}[0-9]{3}$" },
            "customer": { "$ref": "#/$defs/customer" },
            "shippingAddress": { "$ref": "#/$defs/address" },
            "lines": { "type": "array", "minItems": 1, "maxItems": 100, "items": { "$ref": "#/$defs/line" } },
            "total": { "$ref": "#/$defs/money" },
            "payment": {
              "oneOf": [
                { "$ref": "#/$defs/cardPayment" },
                { "$ref": "#/$defs/bankPayment" },
                { "$ref": "#/$defs/walletPayment" }
              ]
            },
            "notes": { "type": ["string", "null"], "maxLength": 500 },
            "tags": { "type": "array", "uniqueItems": true, "items": { "type": "string", "minLength": 1, "maxLength": 32 } }
          },
          "$defs": {
            "money": {
              "type": "object",
              "required": ["amount", "currency"],
              "additionalProperties": false,
              "properties": {
                "amount": { "type": "number", "minimum": 0, "multipleOf": 0.01 },
                "currency": { "type": "string", "pattern": "^[A-Z]{3}$" }
              }
            },
            "customer": {
              "type": "object",
              "required": ["id", "email", "name"],
              "properties": {
                "id": { "type": "integer", "minimum": 1 },
                "email": { "type": "string", "format": "email", "maxLength": 254 },
                "name": { "type": "string", "minLength": 1, "maxLength": 100 },
                "phone": { "type": "string", "pattern": "^\\+[1-9][0-9]{7,14}$" },
                "website": { "type": "string", "format": "uri" }
              }
            },
            "address": {
              "type": "object",
              "required": ["line1", "city", "postalCode", "country"],
              "properties": {
                "line1": { "type": "string", "minLength": 1 },
                "line2": { "type": "string" },
                "city": { "type": "string", "minLength": 1 },
                "postalCode": { "type": "string", "pattern": "^[A-Z0-9 -]{3,10}$" },
                "country": { "type": "string", "pattern": "^[A-Z]{2}$" }
              }
            },
            "line": {
              "type": "object",
              "required": ["sku", "quantity", "unitPrice"],
              "additionalProperties": false,
              "properties": {
                "sku": { "type": "string", "pattern": "^[A-Z]{3}-[0-9]{5}$" },
                "quantity": { "type": "integer", "minimum": 1, "maximum": 1000 },
                "unitPrice": { "$ref": "#/$defs/money" },
                "discount": { "type": "number", "minimum": 0, "maximum": 1 }
              }
            },
            "cardPayment": {
              "type": "object",
              "required": ["method", "last4", "expiry"],
              "properties": {
                "method": { "const": "card" },
                "last4": { "type": "string", "pattern": "^[0-9]{4}$" },
                "expiry": { "type": "string", "format": "date" },
                "brand": { "enum": ["visa", "mastercard", "amex"] }
              }
            },
            "bankPayment": {
              "type": "object",
              "required": ["method", "iban"],
              "properties": {
                "method": { "const": "bank" },
                "iban": { "type": "string", "pattern": "^[A-Z]{2}[0-9]{2}[A-Z0-9]{11,30}$" }
              }
            },
            "walletPayment": {
              "type": "object",
              "required": ["method", "provider"],
              "properties": {
                "method": { "const": "wallet" },
                "provider": { "enum": ["applepay", "googlepay", "paypal"] },
                "payerId": { "type": "string", "format": "uuid" }
              }
            }
          }
        }
        """;

    /// <summary>Builds <paramref name="count"/> valid orders as UTF-8 JSON, deterministically.</summary>
    public static List<byte[]> Instances(int count)
    {
        var result = new List<byte[]>(count);
        for (var i = 0; i < count; i++)
        {
            var sb = new StringBuilder();
            var inv = CultureInfo.InvariantCulture;
            var lines = 1 + (i % 5);
            sb.Append(inv, $"{{\"id\":\"{i:x8}-1c2d-4e5f-8a9b-{i * 7919:x12}\",\"createdAt\":\"2026-0{1 + (i % 9)}-1{i % 10}T1{i % 10}:2{i % 10}:3{i % 10}.{i % 1000:000}Z\",");
            sb.Append(inv, $"\"status\":\"{Statuses[i % 5]}\",\"reference\":\"ORD-{2000 + (i % 100)}-ABC{i % 1000:000}\",");
            sb.Append(inv, $"\"customer\":{{\"id\":{i + 1},\"email\":\"customer{i}@example.com\",\"name\":\"Customer Number {i}\",\"phone\":\"+3361234{i % 10000:0000}\",\"website\":\"https://shop{i}.example.org/path?q={i}\"}},");
            sb.Append(inv, $"\"shippingAddress\":{{\"line1\":\"{i} Rue de la Paix\",\"city\":\"Paris\",\"postalCode\":\"750{i % 20:00}\",\"country\":\"FR\"}},");
            sb.Append("\"lines\":[");
            var total = 0m;
            for (var l = 0; l < lines; l++)
            {
                var price = 1.99m + (((i * 31) + (l * 17)) % 5000) / 100m;
                var qty = 1 + ((i + l) % 9);
                total += price * qty;
                if (l > 0)
                {
                    sb.Append(',');
                }

                sb.Append(inv, $"{{\"sku\":\"SKU-{(i * 13) + l:00000}\",\"quantity\":{qty},\"unitPrice\":{{\"amount\":{price.ToString("0.00", inv)},\"currency\":\"EUR\"}}}}");
            }

            sb.Append(inv, $"],\"total\":{{\"amount\":{total.ToString("0.00", inv)},\"currency\":\"EUR\"}},");
            sb.Append((i % 3) switch
            {
                0 => $"\"payment\":{{\"method\":\"card\",\"last4\":\"{i % 10000:0000}\",\"expiry\":\"2028-0{1 + (i % 9)}-01\",\"brand\":\"visa\"}},",
                1 => $"\"payment\":{{\"method\":\"bank\",\"iban\":\"FR76{i % 100000000:00000000}ABCDEFGH12\"}},",
                _ => $"\"payment\":{{\"method\":\"wallet\",\"provider\":\"paypal\",\"payerId\":\"{i:x8}-aaaa-4bbb-8ccc-dddddddddddd\"}},",
            });
            sb.Append(inv, $"\"notes\":{(i % 2 == 0 ? "null" : $"\"Leave at the door, order {i}\"")},\"tags\":[\"web\",\"promo{i % 7}\"]}}");
            result.Add(Encoding.UTF8.GetBytes(sb.ToString()));
        }

        return result;
    }

    public static JsonElement Parse(byte[] utf8)
    {
        using var doc = JsonDocument.Parse(utf8);
        return doc.RootElement.Clone();
    }
}
