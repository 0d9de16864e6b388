using System.Security.Cryptography;
using System.Text;
using MockGen.Core.Generation.Random;

namespace MockGen.Core.Tests.Generation.Random;

public sealed class SeedHashTests
{
    [Fact]
    public void HashData_EveryLengthUpToFiveBlocks_EqualsPlatformSha256()
    {
        // Every padding case: lengths around the 55/56-byte boundary need a second block, multiples of 64 a whole one.
        var data = new byte[5 * 64 + 1];
        var fill = Prng.FromState(1, 2, 3, 4);
        for (var i = 0; i < data.Length; i++)
        {
            data[i] = (byte)fill.NextUInt64();
        }

        Span<byte> expected = stackalloc byte[32];
        Span<byte> actual = stackalloc byte[32];
        for (var length = 0; length <= data.Length; length++)
        {
            SHA256.HashData(data.AsSpan(0, length), expected);
            SeedHash.HashData(data.AsSpan(0, length), actual);
            Assert.True(expected.SequenceEqual(actual), $"length {length}");
        }
    }

    [Theory]
    [InlineData("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")]
    [InlineData("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")]
    [InlineData("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq", "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")]
    public void HashData_Fips180Examples_GiveTheirDigests(string message, string digest)
    {
        Span<byte> actual = stackalloc byte[32];
        SeedHash.HashData(Encoding.ASCII.GetBytes(message), actual);
        Assert.Equal(digest, Convert.ToHexStringLower(actual));
    }

    [Fact]
    public void HashData_ShortDestination_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => SeedHash.HashData([1, 2, 3], new byte[31]));
    }
}
