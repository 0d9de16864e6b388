namespace MockGen.Storage.Engine;

/// <summary>
/// A write-only stream that drops the first N newline-terminated lines and passes the rest through. It lets a
/// shard start at index N with a generator that starts at 0: NDJSON records never contain a raw newline.
/// </summary>
internal sealed class SkipLinesStream(Stream inner, long skipLines) : Stream
{
    private long _toSkip = skipLines;

    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        while (_toSkip > 0 && buffer.Length > 0)
        {
            var newline = buffer.IndexOf((byte)'\n');
            if (newline < 0)
            {
                return;
            }

            buffer = buffer[(newline + 1)..];
            _toSkip--;
        }

        if (buffer.Length > 0)
        {
            inner.Write(buffer);
        }
    }

    public override void Flush() => inner.Flush();

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();
}
