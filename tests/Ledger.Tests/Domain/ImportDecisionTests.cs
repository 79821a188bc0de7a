using Ledger.Domain.Authors;
using Ledger.Domain.Authors.Importing;

namespace Ledger.Tests.Domain;

public class ImportDecisionTests
{
    private const string ExternalId = "openalex:A5000000001";
    private static readonly DateTimeOffset Now = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    private static readonly AuthorDetails Details = new("Ada Example", null, "Studies kernels.", null, true);

    private static Work WorkNamed(string id, string title = "A title") =>
        new(id, title, "article", 2024, "Venue", null, [new Topic("T1", "Kernels")], [new Coauthor("A2", "Bo")]);

    private static Author Fold(IEnumerable<IAuthorEvent> events) =>
        events.Aggregate((Author?)null, Author.ApplyEvent)!;

    [Fact]
    public void First_import_appends_record_and_works()
    {
        var command = new ImportAuthor(ExternalId, Details, [WorkNamed("W1"), WorkNamed("W2")]);

        var events = ImportDecision.Decide(null, command, "admin", Now);

        Assert.IsType<AuthorImported>(events[0]);
        Assert.Equal(2, events.OfType<WorkAttributed>().Count());
        Assert.All(events, e => Assert.Equal(command.AuthorId, e.AuthorId));
    }

    [Fact]
    public void Same_import_again_appends_nothing()
    {
        var command = new ImportAuthor(ExternalId, Details, [WorkNamed("W1")]);
        var author = Fold(ImportDecision.Decide(null, command, "admin", Now));

        Assert.Empty(ImportDecision.Decide(author, command, "admin", Now.AddDays(1)));
    }

    [Fact]
    public void Changed_field_appends_only_that_change()
    {
        var author = Fold(ImportDecision.Decide(null, new ImportAuthor(ExternalId, Details, [WorkNamed("W1")]),
            "admin", Now));
        var changed = new ImportAuthor(ExternalId, Details with { Description = "Studies kernels and data." },
            [WorkNamed("W1")]);

        var events = ImportDecision.Decide(author, changed, "admin", Now);

        var change = Assert.IsType<ImportedFieldChanged>(Assert.Single(events));
        Assert.Equal(AuthorField.Description, change.Field);
        Assert.Equal("Studies kernels.", change.Previous);
        Assert.Equal("Studies kernels and data.", change.Current);
    }

    [Fact]
    public void Changed_work_is_revised()
    {
        var author = Fold(ImportDecision.Decide(null, new ImportAuthor(ExternalId, Details, [WorkNamed("W1")]),
            "admin", Now));

        var events = ImportDecision.Decide(author, new ImportAuthor(ExternalId, Details, [WorkNamed("W1", "New")]),
            "admin", Now);

        Assert.Equal("New", Assert.IsType<WorkRevised>(Assert.Single(events)).Work.Title);
    }

    [Fact]
    public void Work_missing_from_later_import_stays()
    {
        var first = ImportDecision.Decide(null,
            new ImportAuthor(ExternalId, Details, [WorkNamed("W1"), WorkNamed("W2")]), "admin", Now);
        var author = Fold(first);

        var later = ImportDecision.Decide(author, new ImportAuthor(ExternalId, Details, [WorkNamed("W1")]),
            "admin", Now);

        Assert.Empty(later);
        Assert.Equal(2, Fold(first.Concat(later)).Bibliography.Works.Count);
    }

    [Fact]
    public void Detached_work_is_never_attached_again()
    {
        var command = new ImportAuthor(ExternalId, Details, [WorkNamed("W1")]);
        var first = ImportDecision.Decide(null, command, "admin", Now).ToList();
        first.Add(new WorkDetached(command.AuthorId, "W1", "not this author's work", "researcher-1", Now));
        var author = Fold(first);

        Assert.Empty(ImportDecision.Decide(author, command, "admin", Now));
        Assert.Empty(author.Bibliography.Works);
    }

    [Fact]
    public void Works_only_import_of_unknown_author_appends_nothing()
    {
        var command = new ImportAuthor(ExternalId, Details: null, [WorkNamed("W1")]);

        Assert.Empty(ImportDecision.Decide(null, command, "admin", Now));
    }
}
