namespace MockGen.Benchmarks.Generation;

/// <summary>The real-world-shaped schemas generation is measured on, besides the payments API sample.</summary>
internal static class GenerationSchemas
{
    /// <summary>A deeply nested resource: a company with departments, teams, members and addresses, six levels down.</summary>
    public const string NestedResource = """
        {
          "$schema": "https://json-schema.org/draft/2020-12/schema",
          "type": "object",
          "required": ["id", "name", "headquarters", "departments"],
          "additionalProperties": false,
          "properties": {
            "id": { "type": "string", "format": "uuid" },
            "name": { "type": "string", "minLength": 2, "maxLength": 80 },
            "founded": { "type": "string", "format": "date" },
            "headquarters": { "$ref": "#/$defs/address" },
            "departments": {
              "type": "array", "minItems": 1, "maxItems": 4,
              "items": {
                "type": "object", "required": ["code", "name", "teams"], "additionalProperties": false,
                "properties": {
                  "code": { "type": "string", "pattern": "^[A-Z]{3}$" },
                  "name": { "type": "string", "maxLength": 60 },
                  "budget": { "type": "number", "minimum": 0, "maximum": 10000000, "multipleOf": 0.01 },
                  "teams": {
                    "type": "array", "minItems": 1, "maxItems": 3,
                    "items": {
                      "type": "object", "required": ["name", "members"], "additionalProperties": false,
                      "properties": {
                        "name": { "type": "string", "maxLength": 60 },
                        "members": {
                          "type": "array", "maxItems": 4,
                          "items": {
                            "type": "object", "required": ["id", "email", "role"], "additionalProperties": false,
                            "properties": {
                              "id": { "type": "integer", "minimum": 1 },
                              "email": { "type": "string", "format": "email" },
                              "role": { "enum": ["engineer", "manager", "designer", "analyst"] },
                              "address": { "$ref": "#/$defs/address" },
                              "skills": { "type": "array", "uniqueItems": true, "maxItems": 5, "items": { "type": "string", "minLength": 2, "maxLength": 20 } }
                            }
                          }
                        }
                      }
                    }
                  }
                }
              }
            }
          },
          "$defs": {
            "address": {
              "type": "object", "required": ["street", "city", "country"], "additionalProperties": false,
              "properties": {
                "street": { "type": "string", "maxLength": 100 },
                "city": { "type": "string", "maxLength": 60 },
                "postalCode": { "type": "string", "pattern": "^[0-9]{5}$" },
                "country": { "type": "string", "pattern": "^[A-Z]{2}$" },
                "geo": {
                  "type": "object", "required": ["lat", "lon"],
                  "properties": { "lat": { "type": "number", "minimum": -90, "maximum": 90 }, "lon": { "type": "number", "minimum": -180, "maximum": 180 } }
                }
              }
            }
          }
        }
        """;

    /// <summary>A recursive tree: categories with children of the same shape, ended by the depth budget.</summary>
    public const string RecursiveTree = """
        {
          "$schema": "https://json-schema.org/draft/2020-12/schema",
          "$ref": "#/$defs/node",
          "$defs": {
            "node": {
              "type": "object", "required": ["id", "label"], "additionalProperties": false,
              "properties": {
                "id": { "type": "integer", "minimum": 1 },
                "label": { "type": "string", "minLength": 1, "maxLength": 40 },
                "weight": { "type": "number", "exclusiveMinimum": 0, "maximum": 1, "multipleOf": 0.001 },
                "children": { "type": "array", "maxItems": 4, "items": { "$ref": "#/$defs/node" } }
              }
            }
          }
        }
        """;
}
