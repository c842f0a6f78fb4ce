using Timeline.Tests.Support;

namespace Timeline.Tests.Web;

public sealed class SmokeTests(TimelineWebFactory factory) : IClassFixture<TimelineWebFactory>
{
    [Fact]
    public async Task Home_lists_the_seeded_eras()
    {
        var (response, document) = await Html.GetAsync(factory.CreateBrowserlessClient(), "/");
        Assert.Equal(200, (int)response.StatusCode);
        Assert.Equal(3, document.QuerySelectorAll(".era-header h2").Length);
        Assert.True(File.Exists(factory.DatabasePath));
    }
}
