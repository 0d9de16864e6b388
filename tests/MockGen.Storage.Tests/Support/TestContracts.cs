using System.Text;

namespace MockGen.Storage.Tests.Support;

internal static class TestContracts
{
    public static byte[] PetsV1 => Encoding.UTF8.GetBytes("""
        {"openapi":"3.1.0","info":{"title":"pets","version":"1"},"paths":{},
         "components":{"schemas":{
           "Pet":{"type":"object","required":["id","name"],"properties":{"id":{"type":"integer"},"name":{"type":"string"},"vaccinated":{"type":"boolean"}}},
           "Owner":{"type":"object","required":["email"],"properties":{"email":{"type":"string"},"age":{"type":"integer"}}}}}}
        """);

    // Breaking: Pet gains a required 'species', Owner.age becomes a string.
    public static byte[] PetsV2 => Encoding.UTF8.GetBytes("""
        {"openapi":"3.1.0","info":{"title":"pets","version":"2"},"paths":{},
         "components":{"schemas":{
           "Pet":{"type":"object","required":["id","name","species"],"properties":{"id":{"type":"integer"},"name":{"type":"string"},"vaccinated":{"type":"boolean"},"species":{"type":"string"}}},
           "Owner":{"type":"object","required":["email"],"properties":{"email":{"type":"string"},"age":{"type":"string"}}}}}}
        """);

    public static byte[] Malformed => Encoding.UTF8.GetBytes("{\"openapi\":\"3.1.0\",\n  \"components\": {\"schemas\": {\"Pet\": }}}");
}
