using Ledger.Domain.Authors.Importing;

namespace Ledger.Tests.Domain;

public class OpenAlexDocumentsTests
{
    private const string Author =
        """
        {"id":"https://openalex.org/A5000000001","display_name":"Ada Example","x_profile":{"open_to_collaborate":true}}
        """;

    // Written with single quotes for readability, turned into JSON below.
    private static readonly string Work = (
        "{'id':'https://openalex.org/W1','title':'On kernels','type':'article','publication_year':2024,"
        + "'abstract_inverted_index':{'Kernels':[0],'are':[1],'fun.':[2]},"
        + "'authorships':[{'author':{'id':'https://openalex.org/A5000000001','display_name':'Ada Example'}},"
        + "{'author':{'id':'https://openalex.org/A2','display_name':'Bo Other'}}],"
        + "'topics':[{'id':'https://openalex.org/T1','display_name':'Kernels'}]}").Replace('\'', '"');

    [Fact]
    public void Json_lines_yield_authors_and_works()
    {
        var batch = OpenAlexDocuments.Parse(Author + "\n" + Work + "\n");

        Assert.Empty(batch.Problems);
        var (externalId, details) = Assert.Single(batch.Authors);
        Assert.Equal("openalex:A5000000001", externalId);
        Assert.True(details.OpenToCollaborate);
        Assert.Equal("Kernels are fun.", Assert.Single(batch.Works).Work.Abstract);
    }

    [Fact]
    public void Command_sees_coauthors_without_the_author()
    {
        var commands = OpenAlexDocuments.Parse(Author + "\n" + Work).ToCommands();

        var ada = commands.Single(c => c.ExternalId == "openalex:A5000000001");
        Assert.Equal("Bo Other", Assert.Single(Assert.Single(ada.Works).Coauthors).Name);
        Assert.Null(commands.Single(c => c.ExternalId == "openalex:A2").Details);
    }

    [Theory]
    [InlineData("""{"id":"https://openalex.org/A1"}""", "display_name")]
    [InlineData("""{"id":"https://openalex.org/A1","display_name":42}""", "display_name")]
    [InlineData("""{"id":"https://openalex.org/A1","display_name":"X","orcid":"0000-0002-1825-0098"}""", "orcid")]
    [InlineData("""{"display_name":"X"}""", "id")]
    [InlineData("""{"id":"urn:x","display_name":"X"}""", "id")]
    [InlineData("""{"id":"W1","title":"T","publication_year":"2020","authorships":[]}""", "publication_year")]
    [InlineData("""{"id":"W1","title":"T","authorships":[{"author":{"id":"B1","display_name":"X"}}]}""",
        "authorships[0].author.id")]
    [InlineData("""{"id":"W1","title":"T"}""", "authorships")]
    [InlineData("""{"id":"A1","display_name":"X","x_profile":{"open_to_collaborate":"yes"}}""",
        "x_profile.open_to_collaborate")]
    [InlineData("""{"id":"A1",""", "$")]
    public void Invalid_document_names_the_field(string json, string field)
    {
        var batch = OpenAlexDocuments.Parse(json);

        Assert.Contains(batch.Problems, p => p.Field == field);
        Assert.Empty(batch.Authors);
    }

    [Fact]
    public void Problem_names_the_line_of_json_lines()
    {
        var batch = OpenAlexDocuments.Parse(Author + "\n" + """{"id":"A2"}""" + "\n");

        var problem = Assert.Single(batch.Problems);
        Assert.Equal(2, problem.Line);
        Assert.Equal("display_name", problem.Field);
    }
}
