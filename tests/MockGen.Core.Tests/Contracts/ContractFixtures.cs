namespace MockGen.Core.Tests.Contracts;

/// <summary>Contract texts the contract and CLI tests write to temporary folders.</summary>
internal static class ContractFixtures
{
    public const string Petstore30Yaml = """
        openapi: 3.0.3
        info:
          title: Petstore
          version: 1.0.0
        paths:
          /pets:
            get:
              operationId: listPets
              responses:
                '200':
                  description: A list of pets
                  content:
                    application/json:
                      schema:
                        type: array
                        items:
                          $ref: '#/components/schemas/Pet'
                default:
                  description: An error
                  content:
                    application/problem+json:
                      schema:
                        $ref: '#/components/schemas/Error'
            post:
              operationId: createPet
              requestBody:
                required: true
                content:
                  application/json:
                    schema:
                      $ref: '#/components/schemas/NewPet'
                  text/plain:
                    schema:
                      type: string
              responses:
                '201':
                  description: Created
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/Pet'
          /pets/{petId}:
            get:
              parameters:
                - name: petId
                  in: path
                  required: true
                  schema:
                    type: integer
              responses:
                '200':
                  $ref: '#/components/responses/PetResponse'
                '204':
                  description: No content
        components:
          responses:
            PetResponse:
              description: One pet
              content:
                application/json:
                  schema:
                    $ref: '#/components/schemas/Pet'
          schemas:
            Pet:
              type: object
              required: [id, name]
              properties:
                id:
                  type: integer
                  format: int64
                  readOnly: true
                name:
                  type: string
                  maxLength: 50
                tag:
                  type: string
                  nullable: true
                price:
                  type: number
                  minimum: 0
                  exclusiveMinimum: true
                  multipleOf: 0.01
            NewPet:
              type: object
              required: [name]
              properties:
                name:
                  type: string
                  maxLength: 50
                tag:
                  type: string
            Error:
              type: object
              required: [code, message]
              properties:
                code:
                  type: integer
                message:
                  type: string
        """;

    public const string Petstore30Json = """
        {
          "openapi": "3.0.3",
          "info": {
            "title": "Petstore",
            "version": "1.0.0"
          },
          "paths": {
            "/pets": {
              "get": {
                "operationId": "listPets",
                "responses": {
                  "200": {
                    "description": "A list of pets",
                    "content": {
                      "application/json": {
                        "schema": {
                          "type": "array",
                          "items": {
                            "$ref": "#/components/schemas/Pet"
                          }
                        }
                      }
                    }
                  },
                  "default": {
                    "description": "An error",
                    "content": {
                      "application/problem+json": {
                        "schema": {
                          "$ref": "#/components/schemas/Error"
                        }
                      }
                    }
                  }
                }
              },
              "post": {
                "operationId": "createPet",
                "requestBody": {
                  "required": true,
                  "content": {
                    "application/json": {
                      "schema": {
                        "$ref": "#/components/schemas/NewPet"
                      }
                    },
                    "text/plain": {
                      "schema": {
                        "type": "string"
                      }
                    }
                  }
                },
                "responses": {
                  "201": {
                    "description": "Created",
                    "content": {
                      "application/json": {
                        "schema": {
                          "$ref": "#/components/schemas/Pet"
                        }
                      }
                    }
                  }
                }
              }
            },
            "/pets/{petId}": {
              "get": {
                "parameters": [
                  {
                    "name": "petId",
                    "in": "path",
                    "required": true,
                    "schema": {
                      "type": "integer"
                    }
                  }
                ],
                "responses": {
                  "200": {
                    "$ref": "#/components/responses/PetResponse"
                  },
                  "204": {
                    "description": "No content"
                  }
                }
              }
            }
          },
          "components": {
            "responses": {
              "PetResponse": {
                "description": "One pet",
                "content": {
                  "application/json": {
                    "schema": {
                      "$ref": "#/components/schemas/Pet"
                    }
                  }
                }
              }
            },
            "schemas": {
              "Pet": {
                "type": "object",
                "required": [
                  "id",
                  "name"
                ],
                "properties": {
                  "id": {
                    "type": "integer",
                    "format": "int64",
                    "readOnly": true
                  },
                  "name": {
                    "type": "string",
                    "maxLength": 50
                  },
                  "tag": {
                    "type": "string",
                    "nullable": true
                  },
                  "price": {
                    "type": "number",
                    "minimum": 0,
                    "exclusiveMinimum": true,
                    "multipleOf": 0.01
                  }
                }
              },
              "NewPet": {
                "type": "object",
                "required": [
                  "name"
                ],
                "properties": {
                  "name": {
                    "type": "string",
                    "maxLength": 50
                  },
                  "tag": {
                    "type": "string"
                  }
                }
              },
              "Error": {
                "type": "object",
                "required": [
                  "code",
                  "message"
                ],
                "properties": {
                  "code": {
                    "type": "integer"
                  },
                  "message": {
                    "type": "string"
                  }
                }
              }
            }
          }
        }
        """;

    public const string Petstore31Yaml = """
        openapi: 3.1.0
        info:
          title: Petstore
          version: 1.0.0
        paths:
          /pets:
            get:
              operationId: listPets
              responses:
                '200':
                  description: A list of pets
                  content:
                    application/json:
                      schema:
                        type: array
                        items:
                          $ref: '#/components/schemas/Pet'
            post:
              operationId: createPet
              requestBody:
                content:
                  application/json:
                    schema:
                      $ref: '#/components/schemas/NewPet'
              responses:
                '201':
                  description: Created
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/Pet'
        components:
          schemas:
            Pet:
              type: object
              required: [id, name]
              properties:
                id:
                  type: integer
                  readOnly: true
                name:
                  type: string
                  maxLength: 50
                tag:
                  type: [string, 'null']
                kind:
                  const: pet
              unevaluatedProperties: false
              $defs:
                Color:
                  enum: [red, green]
            NewPet:
              type: object
              required: [name]
              properties:
                name:
                  type: string
                  maxLength: 50
                tag:
                  type: [string, 'null']
              dependentRequired:
                tag: [name]
        """;

    public const string Petstore31Json = """
        {
          "openapi": "3.1.0",
          "info": {
            "title": "Petstore",
            "version": "1.0.0"
          },
          "paths": {
            "/pets": {
              "get": {
                "operationId": "listPets",
                "responses": {
                  "200": {
                    "description": "A list of pets",
                    "content": {
                      "application/json": {
                        "schema": {
                          "type": "array",
                          "items": {
                            "$ref": "#/components/schemas/Pet"
                          }
                        }
                      }
                    }
                  }
                }
              },
              "post": {
                "operationId": "createPet",
                "requestBody": {
                  "content": {
                    "application/json": {
                      "schema": {
                        "$ref": "#/components/schemas/NewPet"
                      }
                    }
                  }
                },
                "responses": {
                  "201": {
                    "description": "Created",
                    "content": {
                      "application/json": {
                        "schema": {
                          "$ref": "#/components/schemas/Pet"
                        }
                      }
                    }
                  }
                }
              }
            }
          },
          "components": {
            "schemas": {
              "Pet": {
                "type": "object",
                "required": [
                  "id",
                  "name"
                ],
                "properties": {
                  "id": {
                    "type": "integer",
                    "readOnly": true
                  },
                  "name": {
                    "type": "string",
                    "maxLength": 50
                  },
                  "tag": {
                    "type": [
                      "string",
                      "null"
                    ]
                  },
                  "kind": {
                    "const": "pet"
                  }
                },
                "unevaluatedProperties": false,
                "$defs": {
                  "Color": {
                    "enum": [
                      "red",
                      "green"
                    ]
                  }
                }
              },
              "NewPet": {
                "type": "object",
                "required": [
                  "name"
                ],
                "properties": {
                  "name": {
                    "type": "string",
                    "maxLength": 50
                  },
                  "tag": {
                    "type": [
                      "string",
                      "null"
                    ]
                  }
                },
                "dependentRequired": {
                  "tag": [
                    "name"
                  ]
                }
              }
            }
          }
        }
        """;

    public const string Petstore20Yaml = """
        swagger: '2.0'
        info:
          title: Petstore
          version: 1.0.0
        produces:
          - application/json
        consumes:
          - application/json
        paths:
          /pets:
            get:
              operationId: listPets
              responses:
                '200':
                  description: A list of pets
                  schema:
                    type: array
                    items:
                      $ref: '#/definitions/Pet'
                default:
                  $ref: '#/responses/ErrorResponse'
            post:
              operationId: createPet
              parameters:
                - name: limit
                  in: query
                  type: integer
                - $ref: '#/parameters/NewPetBody'
              responses:
                '201':
                  description: Created
                  schema:
                    $ref: '#/definitions/Pet'
          /pets/{petId}/photo:
            get:
              produces:
                - image/png
              parameters:
                - name: petId
                  in: path
                  required: true
                  type: integer
              responses:
                '200':
                  description: The photo
                  schema:
                    type: file
        parameters:
          NewPetBody:
            name: body
            in: body
            required: true
            schema:
              $ref: '#/definitions/NewPet'
        responses:
          ErrorResponse:
            description: An error
            schema:
              $ref: '#/definitions/Error'
        definitions:
          Pet:
            type: object
            required: [id, name]
            properties:
              id:
                type: integer
                format: int64
                readOnly: true
              name:
                type: string
                maxLength: 50
          NewPet:
            type: object
            required: [name]
            properties:
              name:
                type: string
                maxLength: 50
          Error:
            type: object
            required: [code, message]
            properties:
              code:
                type: integer
              message:
                type: string
        """;

    public const string Petstore20Json = """
        {
          "swagger": "2.0",
          "info": {
            "title": "Petstore",
            "version": "1.0.0"
          },
          "produces": [
            "application/json"
          ],
          "consumes": [
            "application/json"
          ],
          "paths": {
            "/pets": {
              "get": {
                "operationId": "listPets",
                "responses": {
                  "200": {
                    "description": "A list of pets",
                    "schema": {
                      "type": "array",
                      "items": {
                        "$ref": "#/definitions/Pet"
                      }
                    }
                  },
                  "default": {
                    "$ref": "#/responses/ErrorResponse"
                  }
                }
              },
              "post": {
                "operationId": "createPet",
                "parameters": [
                  {
                    "name": "limit",
                    "in": "query",
                    "type": "integer"
                  },
                  {
                    "$ref": "#/parameters/NewPetBody"
                  }
                ],
                "responses": {
                  "201": {
                    "description": "Created",
                    "schema": {
                      "$ref": "#/definitions/Pet"
                    }
                  }
                }
              }
            },
            "/pets/{petId}/photo": {
              "get": {
                "produces": [
                  "image/png"
                ],
                "parameters": [
                  {
                    "name": "petId",
                    "in": "path",
                    "required": true,
                    "type": "integer"
                  }
                ],
                "responses": {
                  "200": {
                    "description": "The photo",
                    "schema": {
                      "type": "file"
                    }
                  }
                }
              }
            }
          },
          "parameters": {
            "NewPetBody": {
              "name": "body",
              "in": "body",
              "required": true,
              "schema": {
                "$ref": "#/definitions/NewPet"
              }
            }
          },
          "responses": {
            "ErrorResponse": {
              "description": "An error",
              "schema": {
                "$ref": "#/definitions/Error"
              }
            }
          },
          "definitions": {
            "Pet": {
              "type": "object",
              "required": [
                "id",
                "name"
              ],
              "properties": {
                "id": {
                  "type": "integer",
                  "format": "int64",
                  "readOnly": true
                },
                "name": {
                  "type": "string",
                  "maxLength": 50
                }
              }
            },
            "NewPet": {
              "type": "object",
              "required": [
                "name"
              ],
              "properties": {
                "name": {
                  "type": "string",
                  "maxLength": 50
                }
              }
            },
            "Error": {
              "type": "object",
              "required": [
                "code",
                "message"
              ],
              "properties": {
                "code": {
                  "type": "integer"
                },
                "message": {
                  "type": "string"
                }
              }
            }
          }
        }
        """;

    public const string MultiFileRoot = """
        openapi: 3.0.3
        info:
          title: Split petstore
          version: 1.0.0
        paths:
          /pets/{petId}:
            get:
              operationId: getPet
              parameters:
                - name: petId
                  in: path
                  required: true
                  schema:
                    type: integer
              responses:
                '200':
                  description: One pet
                  content:
                    application/json:
                      schema:
                        $ref: 'schemas/pet.yaml'
                '404':
                  description: Not found
                  content:
                    application/json:
                      schema:
                        $ref: 'schemas/common.json#/Error'
            put:
              operationId: updatePet
              parameters:
                - name: petId
                  in: path
                  required: true
                  schema:
                    type: integer
              requestBody:
                $ref: 'bodies.yaml#/PetBody'
              responses:
                '204':
                  description: Updated
        """;

    public const string MultiFilePet = """
        type: object
        required: [id, name]
        properties:
          id:
            $ref: 'common.json#/Id'
          name:
            type: string
            minLength: 1
        """;

    public const string MultiFileCommon = """
        {
          "Id": { "type": "integer", "minimum": 1 },
          "Error": {
            "type": "object",
            "required": ["message"],
            "properties": { "message": { "type": "string" } }
          }
        }
        """;

    public const string MultiFileBodies = """
        PetBody:
          required: true
          content:
            application/json:
              schema:
                $ref: 'schemas/pet.yaml'
        """;
}
