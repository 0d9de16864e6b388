using System.Globalization;
using MockGen.Storage.Stores;

// Usage: MockGen.Testing.StoreWriter <store-folder> <blob-path> <bytes> <fill-byte>
// Writes <bytes> bytes of <fill-byte> to the blob through the local folder store, in 80 KiB reads, then never ends
// the content stream: the temporary file holds every byte and the rename that commits the write never comes.
var store = PipelineStore.LocalFolder(args[0]);
var length = long.Parse(args[2], CultureInfo.InvariantCulture);
var fill = byte.Parse(args[3], CultureInfo.InvariantCulture);
Console.WriteLine("writing");
await store.Blobs.WriteAsync(args[1], new StallingStream(length, fill));
Console.WriteLine("renamed");

/// <summary>A read-only stream of <c>length</c> bytes that blocks forever instead of reporting its end.</summary>
internal sealed class StallingStream(long length, byte fill) : Stream
{
    private long _sent;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => _sent; set => throw new NotSupportedException(); }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (_sent == length)
        {
            await Task.Delay(Timeout.Infinite, cancellationToken);
        }

        // Exactly one FileStream buffer (81,920 bytes) per read, so FileStream writes each read through to the file.
        var n = (int)Math.Min(Math.Min(buffer.Length, 81920), length - _sent);
        buffer.Span[..n].Fill(fill);
        _sent += n;
        return n;
    }

    public override int Read(byte[] buffer, int offset, int count) => ReadAsync(buffer.AsMemory(offset, count)).AsTask().GetAwaiter().GetResult();

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
