using System.Diagnostics;

namespace MockGen.Cli.Tests.Browser;

/// <summary>
/// Debian's <c>chromium</c>, headless: loads a page from a running <c>serve</c> and returns the DOM after it rendered,
/// or saves a screenshot. Installed with <c>apt-get install -y chromium</c> when missing (the tests run as root on CI
/// machines; ./test.sh installs it first too), each call bounded in time. A test that needs it fails, never skips,
/// when it cannot be installed.
/// </summary>
internal static class HeadlessChromium
{
    private static readonly TimeSpan PageTimeout = TimeSpan.FromSeconds(90);
    private static readonly TimeSpan InstallTimeout = TimeSpan.FromMinutes(10);
    private static readonly SemaphoreSlim InstallLock = new(1, 1);

    /// <summary>Where screenshots go: <c>$MOCKGEN_TEST_ARTIFACTS</c>, else <c>artifacts/</c> beside the test assembly.</summary>
    public static string ArtifactsFolder
    {
        get
        {
            var folder = Environment.GetEnvironmentVariable("MOCKGEN_TEST_ARTIFACTS") is { Length: > 0 } configured
                ? configured
                : Path.Combine(AppContext.BaseDirectory, "artifacts");
            Directory.CreateDirectory(folder);
            return folder;
        }
    }

    /// <summary>The rendered DOM of <paramref name="url"/> (<c>--dump-dom</c>).</summary>
    public static async Task<string> DumpDomAsync(Uri url)
    {
        var (output, error, code) = await RunAsync(["--dump-dom", url.AbsoluteUri]);
        Assert.True(code == 0, $"chromium --dump-dom {url} exited {code}: {error}");
        return output;
    }

    /// <summary>Saves a screenshot of <paramref name="url"/> as <paramref name="file"/> in <see cref="ArtifactsFolder"/>; returns its path.</summary>
    public static async Task<string> ScreenshotAsync(Uri url, string file, int width = 1200, int height = 1400)
    {
        var path = Path.Combine(ArtifactsFolder, file);
        File.Delete(path);
        var (_, error, code) = await RunAsync(["--hide-scrollbars", $"--window-size={width},{height}", "--screenshot=" + path, url.AbsoluteUri]);
        Assert.True(code == 0 && File.Exists(path), $"chromium --screenshot {url} exited {code}: {error}");
        return path;
    }

    private static async Task<(string Output, string Error, int Code)> RunAsync(IEnumerable<string> arguments)
    {
        var executable = await EnsureInstalledAsync();
        var profile = Directory.CreateTempSubdirectory("mockgen-chromium-").FullName;
        try
        {
            var start = new ProcessStartInfo(executable)
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };

            // --no-sandbox: the tests run as root in containers, where Chromium's sandbox cannot start.
            // --virtual-time-budget: wait for the page (and a redirect) to settle before dumping or shooting.
            foreach (var argument in (string[])["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-extensions", "--user-data-dir=" + profile, "--virtual-time-budget=10000", .. arguments])
            {
                start.ArgumentList.Add(argument);
            }

            using var process = Process.Start(start)!;
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            using var timeout = new CancellationTokenSource(PageTimeout);
            try
            {
                await process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                Assert.Fail($"chromium did not finish within {PageTimeout.TotalSeconds} s");
            }

            return (await output, await error, process.ExitCode);
        }
        finally
        {
            try
            {
                Directory.Delete(profile, recursive: true);
            }
            catch (IOException)
            {
                // Chromium's helpers may still hold a file for a moment; a temp folder left behind is harmless.
            }
        }
    }

    private static async Task<string> EnsureInstalledAsync()
    {
        await InstallLock.WaitAsync();
        try
        {
            if (Find() is { } found)
            {
                return found;
            }

            // A fresh Debian machine: apt's lists may be empty, so update first. Bounded: CI must not hang here.
            foreach (var command in (string[])["apt-get update", "apt-get install -y --no-install-recommends chromium"])
            {
                var start = new ProcessStartInfo("/bin/sh", ["-c", command]) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
                start.Environment["DEBIAN_FRONTEND"] = "noninteractive";
                using var process = Process.Start(start)!;
                var error = process.StandardError.ReadToEndAsync();
                _ = process.StandardOutput.ReadToEndAsync();
                using var timeout = new CancellationTokenSource(InstallTimeout);
                await process.WaitForExitAsync(timeout.Token);
                Assert.True(process.ExitCode == 0, $"'{command}' failed (exit {process.ExitCode}); install Debian's chromium to run the dashboard tests: {await error}");
            }

            return Find() ?? throw new InvalidOperationException("chromium was installed but is not on /usr/bin");
        }
        finally
        {
            InstallLock.Release();
        }
    }

    private static readonly string[] Locations = ["/usr/bin/chromium", "/usr/bin/chromium-browser"];

    private static string? Find() => Locations.FirstOrDefault(File.Exists);
}
