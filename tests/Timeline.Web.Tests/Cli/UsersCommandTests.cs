using Timeline.Tests.Support;
using Timeline.Web.Cli;

namespace Timeline.Web.Tests.Cli;

public sealed class UsersCommandTests : IAsyncLifetime
{
    private readonly string folder = TestStore.NewFolder();

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync()
    {
        if (Directory.Exists(folder))
            Directory.Delete(folder, recursive: true);
        return Task.CompletedTask;
    }

    private async Task<(int Code, string Output, string Error)> RunAsync(string stdin, params string[] args)
    {
        var (output, error) = (new StringWriter(), new StringWriter());
        var code = await UsersCommand.RunAsync([.. args, "--db", TestStore.StoreFile(folder)], new StringReader(stdin), output, error);
        return (code, output.ToString(), error.ToString());
    }

    [Fact]
    public async Task Accounts_are_added_listed_reset_disabled_and_changed_from_the_command_line()
    {
        Assert.Equal(0, (await RunAsync("a password of some length\n", "add", "ada", "--role", "Admin")).Code);
        var added = await RunAsync(Curators.Password + "\n", "add", "bea");
        Assert.Equal((0, "Created Editor account \"bea\".\n"), (added.Code, added.Output));

        var list = await RunAsync("", "list");
        Assert.Equal(0, list.Code);
        Assert.Matches(@"ada\s+Admin\s+active", list.Output);
        Assert.Matches(@"bea\s+Editor\s+active", list.Output);
        Assert.Contains("2 accounts.", list.Output);

        Assert.Equal(0, (await RunAsync("another long password\n", "reset-password", "bea")).Code);
        Assert.Equal(0, (await RunAsync("", "disable", "bea")).Code);
        Assert.Matches(@"bea\s+Editor\s+disabled", (await RunAsync("", "list")).Output);
        Assert.Equal(0, (await RunAsync("", "enable", "bea")).Code);
        Assert.Equal(0, (await RunAsync("", "role", "bea", "Admin")).Code);
        Assert.Matches(@"bea\s+Admin\s+active", (await RunAsync("", "list")).Output);
    }

    [Fact]
    public async Task A_user_name_of_the_longest_length_fits_the_index_and_wider_letters_are_refused_with_a_message()
    {
        // User names take ASCII letters, digits and -._@ only (CuratorAuthentication): the longest is 64 bytes.
        var name = string.Concat(Enumerable.Repeat("ab.-_@9", 10))[..Timeline.Core.Domain.Limits.UserNameLength];
        Assert.Equal(0, (await RunAsync(Curators.Password + "\n", "add", name)).Code);
        var wide = await RunAsync(Curators.Password + "\n", "add", new string('한', Timeline.Core.Domain.Limits.UserNameLength));
        Assert.Equal(1, wide.Code);
        Assert.Contains("can only contain letters or digits", wide.Error);
        await using var store = TestStore.Open(folder);
        var key = store.Store.Accounts.FindAll().Single().NormalizedUserName;
        Assert.Equal(Timeline.Core.Domain.Limits.UserNameLength, System.Text.Encoding.UTF8.GetByteCount(key));
    }

    [Fact]
    public async Task Refusals_say_why()
    {
        Assert.Contains("at least 12 characters", (await RunAsync("short\n", "add", "ada")).Error);
        Assert.Equal(0, (await RunAsync(Curators.Password + "\n", "add", "ada", "--role", "Admin")).Code);
        Assert.Contains("already taken", (await RunAsync(Curators.Password + "\n", "add", "ADA")).Error);
        Assert.Contains("must be Editor or Admin", (await RunAsync(Curators.Password + "\n", "add", "cy", "--role", "Owner")).Error);
        Assert.Contains("1 to 64 characters", (await RunAsync(Curators.Password + "\n", "add", new string('a', 65))).Error);
        Assert.Contains("no account named \"nobody\"", (await RunAsync("", "disable", "nobody")).Error);
        Assert.Contains("last active admin", (await RunAsync("", "disable", "ada")).Error);
        Assert.Contains("last active admin", (await RunAsync("", "role", "ada", "Editor")).Error);
        var wrong = await RunAsync("", "remove", "ada");
        Assert.Equal(2, wrong.Code);
        Assert.Contains("--help", wrong.Error);
    }
}
