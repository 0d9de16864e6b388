using System.Reflection;
using System.Text.RegularExpressions;

namespace MockGen.Cli.Tests.Tool;

/// <summary>
/// MockGen.Cli packed as a .NET tool from the build the tests run on (<c>dotnet pack --no-build</c>, about 10 s) and
/// installed from that folder with <c>dotnet tool install --tool-path</c>, offline: the sandbox's NuGet.config clears
/// every other source, so the package must carry everything the tool needs.
/// </summary>
public sealed partial class ToolPackageFixture : IAsyncLifetime
{
    private readonly string _root = Directory.CreateTempSubdirectory("mockgen-tool-").FullName;

    /// <summary>The repository root (where MockGen.Functions.sln is).</summary>
    public static string RepoRoot { get; } = FindRepoRoot();

    /// <summary>The folder holding MockGen.Cli.&lt;version&gt;.nupkg: a local NuGet feed.</summary>
    public string Feed => Path.Combine(_root, "feed");

    /// <summary>The package version, from the packed file's name.</summary>
    public string Version { get; private set; } = null!;

    /// <summary>The installed <c>mockgen</c> executable.</summary>
    public string Mockgen => Path.Combine(_root, "tools", OperatingSystem.IsWindows() ? "mockgen.exe" : "mockgen");

    /// <summary>What <c>dotnet tool install</c> printed.</summary>
    internal CliRun Install { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var configuration = typeof(ToolPackageFixture).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";
        var pack = await ChildProcess.RunAsync(
            "dotnet",
            ["pack", Path.Combine(RepoRoot, "src", "MockGen.Cli", "MockGen.Cli.csproj"), "-c", configuration, "--no-build", "-o", Feed, "--nologo", "-v", "q", "--disable-build-servers", "-nodeReuse:false"],
            RepoRoot,
            timeout: TimeSpan.FromMinutes(5));
        if (pack.ExitCode != 0)
        {
            throw new InvalidOperationException("dotnet pack failed: " + pack);
        }

        var package = Path.GetFileName(Assert.Single(Directory.GetFiles(Feed, "MockGen.Cli.*.nupkg")));
        Version = PackageVersion().Match(package).Groups[1].Value;
        var sandbox = CreateSandbox("install");
        Install = await ChildProcess.RunAsync(
            "dotnet", ["tool", "install", "MockGen.Cli", "--version", Version, "--tool-path", Path.Combine(_root, "tools"), "--add-source", Feed], sandbox);
    }

    /// <summary>
    /// A fresh folder under the fixture's root with a NuGet.config that clears every package source, so tool installs
    /// run from it can only use the sources they name (the packed feed): nothing comes from the network.
    /// </summary>
    public string CreateSandbox(string name)
    {
        var folder = Path.Combine(_root, name + "-" + Path.GetRandomFileName());
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "NuGet.config"), """
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <clear />
              </packageSources>
            </configuration>
            """);
        return folder;
    }

    public Task DisposeAsync()
    {
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless.
        }

        return Task.CompletedTask;
    }

    private static string FindRepoRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "MockGen.Functions.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException("MockGen.Functions.sln not found above " + AppContext.BaseDirectory);
    }

    [GeneratedRegex(@"^MockGen\.Cli\.(\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?)\.nupkg$")]
    private static partial Regex PackageVersion();
}
