using Timeline.Core.Text;

namespace Timeline.Core.Tests.Text;

public sealed class TextExcerptTests
{
    [Fact]
    public void Short_text_is_kept_whole_with_spaces_folded() =>
        Assert.Equal("a b c", TextExcerpt.Shorten("a \n b\tc"));

    [Fact]
    public void Long_text_is_cut_at_a_word_with_an_ellipsis()
    {
        var text = string.Join(' ', Enumerable.Repeat("coordination,", 40));
        var excerpt = TextExcerpt.Shorten(text, 50);
        Assert.True(excerpt.Length <= 51);
        Assert.EndsWith("coordination…", excerpt);
    }

    [Fact]
    public void Hash_is_sha256_hex() =>
        Assert.Equal("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", TextExcerpt.Hash("abc"));
}
