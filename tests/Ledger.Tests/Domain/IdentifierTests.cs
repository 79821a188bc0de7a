using Ledger.Domain.Authors;
using Ledger.Domain.Identifiers;
using Ledger.Domain.Names;

namespace Ledger.Tests.Domain;

public class IdentifierTests
{
    // 0000-0002-1825-0097 is the example iD of ORCID's own documentation.
    [Theory]
    [InlineData("0000-0002-1825-0097")]
    [InlineData("0000000218250097")]
    [InlineData("https://orcid.org/0000-0002-1825-0097")]
    [InlineData("http://orcid.org/0000-0002-1825-0097/")]
    public void Orcid_forms_share_one_normal_form(string text)
    {
        Assert.True(Orcid.TryParse(text, out var orcid));
        Assert.Equal("0000-0002-1825-0097", orcid.Value.Value);
    }

    [Theory]
    [InlineData("0000-0002-1825-0098")]
    [InlineData("0000-0002-1825-009")]
    [InlineData("0000-0002-1825-00A7")]
    [InlineData("")]
    public void Orcid_with_bad_check_digit_or_shape_is_rejected(string text) =>
        Assert.False(Orcid.TryParse(text, out _));

    [Fact]
    public void Orcid_check_digit_may_be_x() => Assert.True(Orcid.TryParse("0000-0002-9079-593X", out _));

    [Fact]
    public void Name_apostrophes_match()
    {
        Assert.True(PersonName.Matches("Seán O\u2019Brien", "Seán O'Brien"));
        Assert.True(PersonName.Matches("ＬＥＣＨＡＯ  xiao", "Lechao Xiao"));
        Assert.False(PersonName.Matches("Lechao Xiao", "Lechao Xia"));
    }

    [Fact]
    public void Author_id_is_stable_for_an_external_id()
    {
        var fromShort = AuthorIds.ForExternalId(AuthorIds.CanonicalExternalId("A5000000001")!);
        var fromUrl = AuthorIds.ForExternalId(AuthorIds.CanonicalExternalId("https://openalex.org/a5000000001")!);

        Assert.Equal(fromShort, fromUrl);
        Assert.NotEqual(fromShort, AuthorIds.ForExternalId("openalex:A5000000002"));
    }
}
