using Microsoft.Extensions.Time.Testing;
using MockGen.Service.Auth;
using MockGen.Storage.Tests.Support;

namespace MockGen.Storage.Tests.Service.Auth;

/// <summary>The validator on its own, with an injected clock: key rollover, the refresh rate limit, clock skew, options.</summary>
public sealed class EntraTokenValidatorTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Start = new(2026, 12, 3, 12, 0, 0, TimeSpan.Zero);
    private static readonly string[] AcmeRole = ["MockGen.Tenant.acme"];

    private readonly FakeTimeProvider _time = new(Start);
    private TestIdentityProvider _idp = null!;

    public async Task InitializeAsync() => _idp = await TestIdentityProvider.StartAsync();

    public async Task DisposeAsync() => await _idp.DisposeAsync();

    [Fact]
    public async Task ValidateAsync_KeyRolledOver_FetchesTheNewKeysInTheSameRequest_AtMostOncePerInterval()
    {
        using var validator = new EntraTokenValidator(_idp.Options(), _time);
        Assert.Equal(EntraTokenStatus.Valid, (await validator.ValidateAsync(_idp.Issue(AcmeRole, now: _time.GetUtcNow()), default)).Status);
        Assert.Equal(1, _idp.KeyFetches);

        _idp.RollOver();
        _time.Advance(TimeSpan.FromMinutes(6));
        var rolled = _idp.Issue(AcmeRole, now: _time.GetUtcNow());
        var first = await validator.ValidateAsync(rolled, default);

        Assert.Equal(EntraTokenStatus.Valid, first.Status);
        Assert.Equal(new[] { "acme" }, first.Tenants);
        Assert.Equal(2, _idp.KeyFetches);

        // Right after a fetch, forged key ids do not make the validator fetch again.
        _idp.RollOver();
        var tooSoon = _idp.Issue(AcmeRole, now: _time.GetUtcNow());
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(EntraTokenStatus.Refused, (await validator.ValidateAsync(tooSoon, default)).Status);
        }

        Assert.Equal(2, _idp.KeyFetches);
        _time.Advance(TimeSpan.FromMinutes(5));
        Assert.Equal(EntraTokenStatus.Valid, (await validator.ValidateAsync(_idp.Issue(AcmeRole, now: _time.GetUtcNow()), default)).Status);
        Assert.Equal(3, _idp.KeyFetches);
    }

    [Fact]
    public async Task ValidateAsync_MetadataOlderThanTheRefreshInterval_IsFetchedAgain()
    {
        using var validator = new EntraTokenValidator(_idp.Options(), _time);
        await validator.ValidateAsync(_idp.Issue(AcmeRole, now: _time.GetUtcNow()), default);
        _time.Advance(TimeSpan.FromHours(11));
        await validator.ValidateAsync(_idp.Issue(AcmeRole, now: _time.GetUtcNow()), default);
        Assert.Equal(1, _idp.MetadataFetches);

        _time.Advance(TimeSpan.FromHours(1));
        Assert.Equal(EntraTokenStatus.Valid, (await validator.ValidateAsync(_idp.Issue(AcmeRole, now: _time.GetUtcNow()), default)).Status);
        Assert.Equal(2, _idp.MetadataFetches);
    }

    [Fact]
    public async Task ValidateAsync_AuthorityDown_IsUnavailable_AndRetriedAfterABackoffNotPerRequest()
    {
        using var validator = new EntraTokenValidator(_idp.Options(), _time);
        _idp.Down = true;

        Assert.Equal(EntraTokenStatus.Unavailable, (await validator.ValidateAsync(_idp.Issue(AcmeRole, now: _time.GetUtcNow()), default)).Status);
        // One failed fetch (the library's document retriever retries a 503 once by itself).
        var attempts = _idp.MetadataFetches;
        Assert.InRange(attempts, 1, 2);
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(EntraTokenStatus.Unavailable, (await validator.ValidateAsync(_idp.Issue(AcmeRole, now: _time.GetUtcNow()), default)).Status);
        }

        Assert.Equal(attempts, _idp.MetadataFetches);
        _idp.Down = false;
        _time.Advance(TimeSpan.FromSeconds(6));
        Assert.Equal(EntraTokenStatus.Valid, (await validator.ValidateAsync(_idp.Issue(AcmeRole, now: _time.GetUtcNow()), default)).Status);
        Assert.Equal(attempts + 1, _idp.MetadataFetches);
    }

    [Fact]
    public async Task ValidateAsync_RefreshFails_KeepsValidatingWithTheKeysAlreadyKnown()
    {
        using var validator = new EntraTokenValidator(_idp.Options(), _time);
        Assert.Equal(EntraTokenStatus.Valid, (await validator.ValidateAsync(_idp.Issue(AcmeRole, now: _time.GetUtcNow()), default)).Status);

        _idp.Down = true;
        _time.Advance(TimeSpan.FromHours(13));

        Assert.Equal(EntraTokenStatus.Valid, (await validator.ValidateAsync(_idp.Issue(AcmeRole, now: _time.GetUtcNow()), default)).Status);
        Assert.True(_idp.MetadataFetches > 1, "the stale metadata should have been fetched again");
        var attempts = _idp.MetadataFetches;

        // After a failed refresh the next request does not try again at once, but the key refresh interval later.
        Assert.Equal(EntraTokenStatus.Valid, (await validator.ValidateAsync(_idp.Issue(AcmeRole, now: _time.GetUtcNow()), default)).Status);
        Assert.Equal(attempts, _idp.MetadataFetches);
        _time.Advance(TimeSpan.FromMinutes(5));
        Assert.Equal(EntraTokenStatus.Valid, (await validator.ValidateAsync(_idp.Issue(AcmeRole, now: _time.GetUtcNow()), default)).Status);
        Assert.True(_idp.MetadataFetches > attempts, "the refresh should be retried after the key refresh interval");
    }

    [Fact]
    public async Task ValidateAsync_ExplicitIssuers_ReplaceTheMetadataIssuer()
    {
        var options = _idp.Options();
        options.Issuer = "https://sts.windows.net/test-directory/, " + _idp.Issuer;
        using var validator = new EntraTokenValidator(options, _time);

        Assert.Equal(EntraTokenStatus.Valid, (await validator.ValidateAsync(_idp.Issue(AcmeRole, now: _time.GetUtcNow(), issuer: "https://sts.windows.net/test-directory/"), default)).Status);
        Assert.Equal(EntraTokenStatus.Valid, (await validator.ValidateAsync(_idp.Issue(AcmeRole, now: _time.GetUtcNow()), default)).Status);
        Assert.Equal(EntraTokenStatus.Refused, (await validator.ValidateAsync(_idp.Issue(AcmeRole, now: _time.GetUtcNow(), issuer: "https://sts.windows.net/other/"), default)).Status);
    }

    [Theory]
    [InlineData(-119, true)] // expired 119 s ago: inside the 2-minute skew
    [InlineData(-121, false)]
    public async Task ValidateAsync_Expiry_IsCheckedAgainstTheInjectedClock_WithTheSkew(int secondsSinceExpiry, bool valid)
    {
        using var validator = new EntraTokenValidator(_idp.Options(), _time);
        var lifetime = TimeSpan.FromMinutes(30);
        var token = _idp.Issue(AcmeRole, now: _time.GetUtcNow(), notBeforeOffset: -lifetime + TimeSpan.FromSeconds(secondsSinceExpiry), lifetime: lifetime);

        Assert.Equal(valid ? EntraTokenStatus.Valid : EntraTokenStatus.Refused, (await validator.ValidateAsync(token, default)).Status);
    }

    [Theory]
    [InlineData(110, true)] // valid from 110 s from now: inside the skew
    [InlineData(130, false)]
    public async Task ValidateAsync_NotBefore_IsCheckedAgainstTheInjectedClock_WithTheSkew(int secondsUntilValid, bool valid)
    {
        using var validator = new EntraTokenValidator(_idp.Options(), _time);
        var token = _idp.Issue(AcmeRole, now: _time.GetUtcNow(), notBeforeOffset: TimeSpan.FromSeconds(secondsUntilValid));

        Assert.Equal(valid ? EntraTokenStatus.Valid : EntraTokenStatus.Refused, (await validator.ValidateAsync(token, default)).Status);
    }

    [Fact]
    public async Task ValidateAsync_SeveralAudiences_AcceptsEach()
    {
        var options = _idp.Options();
        options.Audience = "00000000-0000-0000-0000-0000000000aa, " + TestIdentityProvider.Audience;
        using var validator = new EntraTokenValidator(options, _time);

        Assert.Equal(EntraTokenStatus.Valid, (await validator.ValidateAsync(_idp.Issue(AcmeRole, now: _time.GetUtcNow()), default)).Status);
        Assert.Equal(EntraTokenStatus.Valid, (await validator.ValidateAsync(_idp.Issue(AcmeRole, now: _time.GetUtcNow(), audience: "00000000-0000-0000-0000-0000000000aa"), default)).Status);
        Assert.Equal(EntraTokenStatus.Refused, (await validator.ValidateAsync(_idp.Issue(AcmeRole, now: _time.GetUtcNow(), audience: "api://other"), default)).Status);
    }

    [Fact]
    public async Task Options_ChangedAfterBuild_ChangeNothing()
    {
        var options = _idp.Options();
        using var validator = new EntraTokenValidator(options, _time);
        options.Audience = "api://changed";

        Assert.Equal(EntraTokenStatus.Valid, (await validator.ValidateAsync(_idp.Issue(AcmeRole, now: _time.GetUtcNow()), default)).Status);
    }

    [Fact]
    public void Options_Invalid_ListsEveryProblemInOneMessage()
    {
        var options = new EntraOptions { Authority = "https://login.microsoftonline.com/common/v2.0", ClockSkew = TimeSpan.FromMinutes(10), KeyRefreshInterval = TimeSpan.Zero };

        var error = Assert.Throws<ArgumentException>(() => new EntraTokenValidator(options));

        Assert.Contains("'common', which has no single issuer", error.Message, StringComparison.Ordinal);
        Assert.Contains("audience is required", error.Message, StringComparison.Ordinal);
        Assert.Contains("clock skew must be 0 to 5 minutes", error.Message, StringComparison.Ordinal);
        Assert.Contains("key refresh interval must be at least 1 second", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Options_PlainHttpAuthority_IsRefusedUnlessHttpsIsExplicitlyNotRequired()
    {
        var options = new EntraOptions { Authority = "http://login.example/tenant/v2.0", Audience = "api://x" };

        Assert.Contains("authority must use https", Assert.Throws<ArgumentException>(options.Validate).Message, StringComparison.Ordinal);
        options.RequireHttpsMetadata = false;
        options.Validate();
    }
}
