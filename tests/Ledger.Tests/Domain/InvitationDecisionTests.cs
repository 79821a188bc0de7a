using Ledger.Domain;
using Ledger.Domain.Accounts;
using Ledger.Domain.Authors;
using Ledger.Domain.Authors.Claiming;
using Ledger.Domain.Authors.Importing;
using Ledger.Domain.Invitations;

namespace Ledger.Tests.Domain;

public class InvitationDecisionTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);
    private static readonly Guid AuthorId = AuthorIds.ForExternalId("openalex:A1");
    private static readonly Guid ClaimId = Guid.NewGuid();

    private static Author Claimed(bool open = true) =>
        new IAuthorEvent[]
        {
            new AuthorImported(AuthorId, "openalex:A1", new AuthorDetails("Ada", null, null, null, open), "admin", Now),
            new ClaimRequested(AuthorId, ClaimId, "ada", [], null, Now),
            new ClaimApproved(AuthorId, ClaimId, "vera", "checked", null, Now),
        }.Aggregate((Author?)null, Author.ApplyEvent)!;

    private static Account Bob =>
        Account.ApplyEvent(null, new AccountRegistered("bob", Now))!;

    private static Invitation Sent(Author author) =>
        Invitation.Create((InvitationSent)InvitationDecisions.Send(author, Bob, [], "hello", Guid.NewGuid(), Now)
            .Events[0]);

    [Fact]
    public void Send_to_claimed_open_record_is_pending()
    {
        var invitation = Sent(Claimed());

        Assert.Equal(InvitationStatus.Pending, invitation.Status);
        Assert.Equal(Now + TimeSpan.FromDays(30), invitation.ExpiresAt);
        Assert.Equal("ada", invitation.Claimant);
    }

    [Fact]
    public void Record_closed_to_collaboration_refuses()
    {
        var decision = InvitationDecisions.Send(Claimed(open: false), Bob, [], "hello", Guid.NewGuid(), Now);

        Assert.Equal("record-not-open-to-collaborate", decision.Rejection?.Rule);
    }

    [Fact]
    public void Answer_after_claim_ended_is_refused()
    {
        var author = Claimed();
        var invitation = Sent(author);
        var released = Author.ApplyEvent(author, new ClaimReleased(AuthorId, ClaimId, "ada", Now))!;

        var decision = InvitationDecisions.Accept(invitation, released, "ada", Now);

        Assert.Equal(RejectionKind.Conflict, decision.Rejection?.Kind);
        Assert.Equal("claim-ended", decision.Rejection?.Rule);
    }

    [Fact]
    public void Expired_invitation_cannot_be_accepted()
    {
        var author = Claimed();
        var invitation = Sent(author);

        var decision = InvitationDecisions.Accept(invitation, author, "ada", Now.AddDays(30));

        Assert.Equal("invitation-not-pending", decision.Rejection?.Rule);
        Assert.Equal("expired", decision.Rejection?.Value);
    }

    [Fact]
    public void Expiry_before_due_time_appends_nothing()
    {
        var invitation = Sent(Claimed());

        Assert.Empty(InvitationDecisions.Expire(invitation, Now.AddDays(29)));
        Assert.Equal(invitation.ExpiresAt,
            Assert.IsType<InvitationExpired>(Assert.Single(InvitationDecisions.Expire(invitation, Now.AddDays(31))))
                .ExpiredAt);
    }
}
