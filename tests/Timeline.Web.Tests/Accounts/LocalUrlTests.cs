using Timeline.Web.Accounts;

namespace Timeline.Web.Tests.Accounts;

public sealed class LocalUrlTests
{
    [Theory]
    [InlineData("/curate", true)]
    [InlineData("/curate/events/3?x=1#y", true)]
    [InlineData("/", true)]
    [InlineData("//evil.example/path", false)]
    [InlineData("/\\evil.example", false)]
    [InlineData("https://evil.example/", false)]
    [InlineData("javascript:alert(1)", false)]
    [InlineData("/\t/evil.example", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void Only_paths_on_this_site_are_local(string? url, bool local) =>
        Assert.Equal(local ? url : "/curate", LocalUrl.OrDefault(url));
}
