using System.Text;

namespace MockGen.Storage.Tests.Support;

/// <summary>Contract versions for the approval flow, beside <see cref="TestContracts"/>.</summary>
internal static class TestContractsNonBreaking
{
    // Non-breaking against PetsV1: Pet gains an optional 'nickname'.
    public static byte[] PetsV1WithNickname => Encoding.UTF8.GetBytes("""
        {"openapi":"3.1.0","info":{"title":"pets","version":"1.1"},"paths":{},
         "components":{"schemas":{
           "Pet":{"type":"object","required":["id","name"],"properties":{"id":{"type":"integer"},"name":{"type":"string"},"vaccinated":{"type":"boolean"},"nickname":{"type":"string"}}},
           "Owner":{"type":"object","required":["email"],"properties":{"email":{"type":"string"},"age":{"type":"integer"}}}}}}
        """);

    // Breaking against PetsV1 and PetsV2: Owner loses 'email' from its properties and requires 'phone'.
    public static byte[] PetsV3 => Encoding.UTF8.GetBytes("""
        {"openapi":"3.1.0","info":{"title":"pets","version":"3"},"paths":{},
         "components":{"schemas":{
           "Pet":{"type":"object","required":["id","name"],"properties":{"id":{"type":"integer"},"name":{"type":"string"}}},
           "Owner":{"type":"object","required":["phone"],"properties":{"phone":{"type":"string"}}}}}}
        """);
}
