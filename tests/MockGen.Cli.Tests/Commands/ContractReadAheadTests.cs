using MockGen.Cli.Commands;
using MockGen.Core.Contracts;

namespace MockGen.Cli.Tests.Commands;

/// <summary>A folder run reads one contract ahead: entries come in source order, prepared, and never more than one early.</summary>
public sealed class ContractReadAheadTests
{
    [Fact]
    public async Task ReadAheadAsync_YieldsInOrderPreparedAndAtMostOneAhead()
    {
        var produced = 0;
        var prepared = new List<string>();
        var ahead = new List<int>();
        var names = new List<string>();
        // Completed by the source once it has produced the second entry: that must happen while the caller still
        // holds the first (a source read only on demand would never get there, and the wait below would time out).
        var secondProduced = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        await foreach (var entry in ContractReadAhead.ReadAheadAsync(Source(), e => { lock (prepared) { prepared.Add(e.Name); } }))
        {
            if (names.Count == 0)
            {
                await secondProduced.Task.WaitAsync(TimeSpan.FromSeconds(60));
            }

            ahead.Add(Volatile.Read(ref produced) - (names.Count + 1));
            names.Add(entry.Name);
            lock (prepared)
            {
                Assert.Contains(entry.Name, prepared);
            }
        }

        Assert.Equal(["c0", "c1", "c2", "c3", "c4"], names);
        Assert.Equal(1, ahead[0]);
        Assert.All(ahead, a => Assert.InRange(a, 0, 1));

        async IAsyncEnumerable<ContractFolderEntry> Source()
        {
            for (var i = 0; i < 5; i++)
            {
                await Task.Yield();
                if (Interlocked.Increment(ref produced) == 2)
                {
                    secondProduced.SetResult();
                }

                yield return new ContractFolderEntry("c" + i, null, null);
            }
        }
    }

    [Fact]
    public async Task ReadAheadAsync_CallerStoppingEarly_DisposesTheSourceAfterThePendingRead()
    {
        var disposed = false;
        var seen = 0;
        await foreach (var _ in ContractReadAhead.ReadAheadAsync(Source(), _ => { }))
        {
            if (++seen == 2)
            {
                break;
            }
        }

        Assert.True(disposed);

        async IAsyncEnumerable<ContractFolderEntry> Source()
        {
            try
            {
                for (var i = 0; ; i++)
                {
                    await Task.Yield();
                    yield return new ContractFolderEntry("c" + i, null, null);
                }
            }
            finally
            {
                disposed = true;
            }
        }
    }
}
