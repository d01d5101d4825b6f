using Tollgate.IO;
using Tollgate.Tools.Git;

namespace Tollgate.Tests.Tools;

public sealed class GitQuotedNameTests
{
    [Theory]
    [InlineData("src/a.cs", new byte[] { 0x73, 0x72, 0x63, 0x2f, 0x61, 0x2e, 0x63, 0x73 }, "src/a.cs")]
    [InlineData("\"key\\376.txt\"", new byte[] { 0x6b, 0x65, 0x79, 0xfe, 0x2e, 0x74, 0x78, 0x74 }, "key\\xfe.txt")]
    [InlineData("\"caf\\303\\251\"", new byte[] { 0x63, 0x61, 0x66, 0xc3, 0xa9 }, "café")]
    [InlineData("\"a\\tb\\nc\\\"d\\\\\"", new byte[] { 0x61, 0x09, 0x62, 0x0a, 0x63, 0x22, 0x64, 0x5c }, "a\tb\nc\"d\\")]
    public void A_name_git_prints_gives_back_its_bytes_and_a_text_that_escapes_what_is_not_utf8(string printed, byte[] bytes, string text)
    {
        var name = GitQuotedName.Parse(printed);

        Assert.Equal(bytes, name.Bytes);
        Assert.Equal(text, name.Text);
        Assert.Equal(text != "key\\xfe.txt", name.IsText);
    }

    [Fact]
    public void Names_are_equal_by_their_bytes()
    {
        Assert.Equal(RawPath.FromText("café"), GitQuotedName.Parse("\"caf\\303\\251\""));
        Assert.NotEqual(RawPath.FromText("key\\xfe.txt"), GitQuotedName.Parse("\"key\\376.txt\""));
    }
}
