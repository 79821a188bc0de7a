using Ledger.Domain;
using Ledger.Domain.Accounts;
using Ledger.Domain.Authors;
using Ledger.Domain.Authors.Claiming;
using static Ledger.Tests.Domain.DomainFixtures;

namespace Ledger.Tests.Domain;

public class ClaimDecisionTests
{
    private static readonly Guid FirstClaim = new("00000000-0000-0000-0000-0000000000c1");
    private static readonly Guid SecondClaim = new("00000000-0000-0000-0000-0000000000c2");
    private static readonly Guid Dispute = new("00000000-0000-0000-0000-0000000000d1");

    private static readonly Account Ada = NewAccount("user-ada");
    private static readonly Account Bo = NewAccount("user-bo");

    private static IReadOnlyList<IAuthorEvent> Request(Author author, Account claimant, Guid claimId,
        DateTimeOffset? at = null) =>
        ClaimantDecisions.Request(author, claimant, Link, claimId, Dispute, at ?? Now).Accepted();

    [Fact]
    public void Claim_without_strong_evidence_is_pending()
    {
        var author = Record();

        var events = Request(author, Ada, FirstClaim);

        var requested = Assert.IsType<ClaimRequested>(Assert.Single(events));
        Assert.Null(requested.OfferedEvidence);
        Assert.Equal(Link, requested.Evidence);
        Assert.Equal(ClaimStatus.Pending, author.Then(events).Claims[FirstClaim].Status);
    }

    [Fact]
    public void Matching_orcid_approves_claim_at_once()
    {
        var author = Record();

        var events = Request(author, Ada.WithOrcid(RecordOrcid), FirstClaim);

        Assert.Equal(2, events.Count);
        Assert.IsType<ClaimRequested>(events[0]);
        var approved = Assert.IsType<ClaimApproved>(events[1]);
        Assert.Equal(ClaimRules.StrongEvidenceRule, approved.ApprovedBy);
        Assert.Equal(FirstClaim, approved.ClaimId);
        Assert.NotNull(approved.StrongEvidence);
        Assert.Equal("orcid", approved.StrongEvidence.Kind);
        Assert.Null(approved.StrongEvidence.ExpiresAt);
        Assert.Equal(ClaimStatus.Approved, author.Then(events).Claims[FirstClaim].Status);
    }

    [Fact]
    public void Other_orcid_is_not_strong()
    {
        var events = Request(Record(), Ada.WithOrcid(OtherOrcid), FirstClaim);

        Assert.IsType<ClaimRequested>(Assert.Single(events));
    }

    [Fact]
    public void Record_without_orcid_matches_no_orcid()
    {
        var events = Request(Record(orcid: null, affiliationDomain: null), Ada.WithOrcid(RecordOrcid), FirstClaim);

        Assert.IsType<ClaimRequested>(Assert.Single(events));
    }

    [Theory]
    [InlineData("ada@ox.ac.uk")]
    [InlineData("ada@cs.ox.ac.uk")]
    public void Affiliation_email_approves_for_24_months(string email)
    {
        var verifiedAt = Now.AddMonths(-3);

        var events = Request(Record(), Ada.WithEmail(email, verifiedAt), FirstClaim);

        var approved = Assert.IsType<ClaimApproved>(events[^1]);
        Assert.Equal(2, events.Count);
        Assert.Equal(ClaimRules.StrongEvidenceRule, approved.ApprovedBy);
        Assert.NotNull(approved.StrongEvidence);
        Assert.Equal("email", approved.StrongEvidence.Kind);
        Assert.Equal(verifiedAt, approved.StrongEvidence.VerifiedAt);
        Assert.Equal(verifiedAt.AddMonths(24), approved.StrongEvidence.ExpiresAt);
    }

    [Theory]
    [InlineData("ada@notox.ac.uk")]
    [InlineData("ada@ox.ac.uk.example.com")]
    [InlineData("ada@ac.uk")]
    public void Email_on_other_domain_is_weak(string email)
    {
        var events = Request(Record(), Ada.WithEmail(email, Now.AddDays(-1)), FirstClaim);

        Assert.IsType<ClaimRequested>(Assert.Single(events));
    }

    [Fact]
    public void Email_older_than_24_months_is_weak()
    {
        var account = Ada.WithEmail("ada@ox.ac.uk", Now.AddMonths(-24).AddDays(-1));

        var events = Request(Record(), account, FirstClaim);

        Assert.IsType<ClaimRequested>(Assert.Single(events));
    }

    [Fact]
    public void Email_exactly_24_months_old_is_weak()
    {
        var account = Ada.WithEmail("ada@ox.ac.uk", Now.AddMonths(-24));

        var events = Request(Record(), account, FirstClaim);

        Assert.IsType<ClaimRequested>(Assert.Single(events));
    }

    [Fact]
    public void Email_under_24_months_old_is_strong()
    {
        var account = Ada.WithEmail("ada@ox.ac.uk", Now.AddMonths(-24).AddDays(1));

        var events = Request(Record(), account, FirstClaim);

        Assert.IsType<ClaimApproved>(events[^1]);
    }

    [Fact]
    public void Orcid_evidence_comes_before_email()
    {
        var account = Ada.WithEmail("ada@ox.ac.uk", Now.AddDays(-1)).WithOrcid(RecordOrcid);

        var approved = Assert.IsType<ClaimApproved>(Request(Record(), account, FirstClaim)[^1]);

        Assert.Equal("orcid", approved.StrongEvidence?.Kind);
    }

    [Fact]
    public void Second_claimant_opens_dispute()
    {
        var author = Record().Claimed(Ada.WithOrcid(RecordOrcid), FirstClaim);

        var events = Request(author, Bo, SecondClaim);

        Assert.Equal(2, events.Count);
        Assert.Equal(SecondClaim, Assert.IsType<ClaimRequested>(events[0]).ClaimId);
        var opened = Assert.IsType<DisputeOpened>(events[1]);
        Assert.Equal(Dispute, opened.DisputeId);
        Assert.Equal(FirstClaim, opened.IncumbentClaimId);
        Assert.Equal(SecondClaim, opened.ChallengerClaimId);

        var after = author.Then(events);
        Assert.Equal(ClaimStatus.Disputed, after.Claims[SecondClaim].Status);
        Assert.Equal(FirstClaim, after.ClaimInForce?.Id);
        Assert.Equal(ClaimStatus.Approved, after.ClaimInForce?.Status);
        Assert.True(after.DisputeOpen);
    }

    [Fact]
    public void Second_claimant_disputes_pending_claim()
    {
        var author = Record().Claimed(Ada, FirstClaim);

        var after = author.Then(Request(author, Bo, SecondClaim));

        Assert.Equal(ClaimStatus.Disputed, after.Claims[SecondClaim].Status);
        Assert.Equal(FirstClaim, after.ClaimInForce?.Id);
        Assert.Equal(ClaimStatus.Pending, after.ClaimInForce?.Status);
    }

    [Fact]
    public void Challenger_evidence_offered_not_approved()
    {
        var author = Record().Claimed(Ada, FirstClaim);

        var events = Request(author, Bo.WithOrcid(RecordOrcid), SecondClaim);

        Assert.DoesNotContain(events, e => e is ClaimApproved);
        Assert.Equal("orcid", Assert.IsType<ClaimRequested>(events[0]).OfferedEvidence?.Kind);
        Assert.Equal(FirstClaim, author.Then(events).ClaimInForce?.Id);
    }

    [Fact]
    public void Same_account_claiming_again_conflicts()
    {
        var author = Record().Claimed(Ada, FirstClaim);

        var decision = ClaimantDecisions.Request(author, Ada, Link, SecondClaim, Dispute, Now);

        AssertRejected(decision, RejectionKind.Conflict, "claim-already-in-force");
        Assert.Equal(FirstClaim, decision.Rejection!.Value);
    }

    [Fact]
    public void Approved_claimant_claiming_again_conflicts()
    {
        var author = Record().Claimed(Ada.WithOrcid(RecordOrcid), FirstClaim);

        var decision = ClaimantDecisions.Request(author, Ada.WithOrcid(RecordOrcid), Link, SecondClaim, Dispute, Now);

        AssertRejected(decision, RejectionKind.Conflict, "claim-already-in-force");
    }

    [Fact]
    public void Challenger_claiming_again_conflicts()
    {
        var author = Record().Claimed(Ada, FirstClaim).Claimed(Bo, SecondClaim);

        var decision = ClaimantDecisions.Request(author, Bo, Link, Guid.NewGuid(), Guid.NewGuid(), Now);

        AssertRejected(decision, RejectionKind.Conflict, "claim-already-disputed");
    }

    [Fact]
    public void Claim_after_withdrawal_is_pending()
    {
        var author = Record().Claimed(Ada, FirstClaim);
        author = author.Then(ClaimantDecisions.Withdraw(author, Ada.Subject, FirstClaim, Now).Accepted());

        var after = author.Then(Request(author, Bo, SecondClaim));

        Assert.Equal(ClaimStatus.Pending, after.Claims[SecondClaim].Status);
        Assert.False(after.DisputeOpen);
    }

    [Fact]
    public void At_most_one_claim_in_force()
    {
        var ada = Ada.WithOrcid(RecordOrcid);
        var bo = Bo;
        var cy = NewAccount("user-cy").WithEmail("cy@ox.ac.uk", Now.AddDays(-1));
        var di = NewAccount("user-di");
        var (a, b, c, d, e) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        var (disputeB, disputeC, disputeD) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());

        var steps = new List<Func<Author, Decision<IAuthorEvent>>>
        {
            x => ClaimantDecisions.Request(x, ada, Link, a, Guid.NewGuid(), Now),
            x => ClaimantDecisions.Request(x, bo, Link, b, disputeB, Now),
            x => ClaimantDecisions.Request(x, cy, Link, c, disputeC, Now),
            x => VerifierDecisions.ResolveDispute(x, "verifier-1", disputeB, DisputeOutcome.Challenger, "proof", Now),
            x => ClaimantDecisions.Release(x, bo.Subject, b, Now),
            x => ClaimantDecisions.Request(x, di, Link, d, Guid.NewGuid(), Now),
            x => VerifierDecisions.ResolveDispute(x, "verifier-1", disputeC, DisputeOutcome.Challenger, "proof", Now),
            x => ClaimantDecisions.Request(x, ada, Link, e, disputeD, Now),
            x => VerifierDecisions.ResolveDispute(x, "verifier-1", disputeD, DisputeOutcome.Challenger, "proof", Now),
            x => VerifierDecisions.Revoke(x, "verifier-1", e, "fraud", Now),
            x => ClaimantDecisions.Request(x, bo, Link, Guid.NewGuid(), Guid.NewGuid(), Now),
        };

        var author = Record();
        for (var i = 0; i < steps.Count; i++)
        {
            author = author.Then(steps[i](author).Accepted());
            Assert.True(author.Claims.Values.Count(claim => claim.InForce) <= 1,
                $"After step {i}, claims in force: "
                + string.Join(", ", author.Claims.Values.Where(claim => claim.InForce).Select(claim => claim.Id)));
        }

        Assert.Equal(bo.Subject, author.Claimant);
    }

    [Fact]
    public void Pending_claim_can_be_withdrawn()
    {
        var author = Record().Claimed(Ada, FirstClaim);

        var events = ClaimantDecisions.Withdraw(author, Ada.Subject, FirstClaim, Now).Accepted();

        Assert.IsType<ClaimWithdrawn>(Assert.Single(events));
        Assert.Equal(ClaimStatus.Withdrawn, author.Then(events).Claims[FirstClaim].Status);
        Assert.Null(author.Then(events).ClaimInForce);
    }

    [Fact]
    public void Approved_claim_cannot_be_withdrawn()
    {
        var author = Record().Claimed(Ada.WithOrcid(RecordOrcid), FirstClaim);

        var decision = ClaimantDecisions.Withdraw(author, Ada.Subject, FirstClaim, Now);

        AssertRejected(decision, RejectionKind.Conflict, "claim-not-pending");
    }

    [Fact]
    public void Withdrawal_by_other_account_is_forbidden()
    {
        var author = Record().Claimed(Ada, FirstClaim);

        var decision = ClaimantDecisions.Withdraw(author, Bo.Subject, FirstClaim, Now);

        AssertRejected(decision, RejectionKind.Forbidden, "not-claimant");
    }

    [Fact]
    public void Withdrawing_unknown_claim_is_not_found()
    {
        var decision = ClaimantDecisions.Withdraw(Record(), Ada.Subject, FirstClaim, Now);

        AssertRejected(decision, RejectionKind.NotFound, "claim-not-found");
    }

    [Fact]
    public void Approved_claim_can_be_released()
    {
        var author = Record().Claimed(Ada.WithOrcid(RecordOrcid), FirstClaim);

        var events = ClaimantDecisions.Release(author, Ada.Subject, FirstClaim, Now).Accepted();

        Assert.IsType<ClaimReleased>(Assert.Single(events));
        Assert.Equal(ClaimStatus.Released, author.Then(events).Claims[FirstClaim].Status);
        Assert.Null(author.Then(events).ClaimInForce);
    }

    [Fact]
    public void Pending_claim_cannot_be_released()
    {
        var author = Record().Claimed(Ada, FirstClaim);

        var decision = ClaimantDecisions.Release(author, Ada.Subject, FirstClaim, Now);

        AssertRejected(decision, RejectionKind.Conflict, "claim-not-approved");
    }

    [Fact]
    public void Release_by_other_account_is_forbidden()
    {
        var author = Record().Claimed(Ada.WithOrcid(RecordOrcid), FirstClaim);

        var decision = ClaimantDecisions.Release(author, Bo.Subject, FirstClaim, Now);

        AssertRejected(decision, RejectionKind.Forbidden, "not-claimant");
    }

    [Fact]
    public void Strong_evidence_added_approves_pending_claim()
    {
        var author = Record().Claimed(Ada, FirstClaim);
        var evidence = new SubmittedEvidence("statement", "I now sign in with ORCID.");

        var events = ClaimantDecisions.AddEvidence(author, Ada.WithOrcid(RecordOrcid), FirstClaim, evidence, Now)
            .Accepted();

        Assert.Equal(2, events.Count);
        var added = Assert.IsType<ClaimEvidenceAdded>(events[0]);
        Assert.Equal(evidence, added.Evidence);
        var approved = Assert.IsType<ClaimApproved>(events[1]);
        Assert.Equal(ClaimRules.StrongEvidenceRule, approved.ApprovedBy);
        Assert.Equal("orcid", approved.StrongEvidence?.Kind);
        Assert.Equal(ClaimStatus.Approved, author.Then(events).Claims[FirstClaim].Status);
    }

    [Fact]
    public void Weak_evidence_added_keeps_claim_pending()
    {
        var author = Record().Claimed(Ada, FirstClaim);

        var events = ClaimantDecisions.AddEvidence(author, Ada, FirstClaim, Link[0], Now).Accepted();

        Assert.IsType<ClaimEvidenceAdded>(Assert.Single(events));
        Assert.Equal(2, author.Then(events).Claims[FirstClaim].Evidence.Count);
        Assert.Equal(ClaimStatus.Pending, author.Then(events).Claims[FirstClaim].Status);
    }

    [Fact]
    public void Strong_evidence_added_keeps_challenger_disputed()
    {
        var author = Record().Claimed(Ada, FirstClaim).Claimed(Bo, SecondClaim, Dispute);

        var events = ClaimantDecisions.AddEvidence(author, Bo.WithOrcid(RecordOrcid), SecondClaim, Link[0], Now)
            .Accepted();

        Assert.IsType<ClaimEvidenceAdded>(Assert.Single(events));
        Assert.Equal(ClaimStatus.Disputed, author.Then(events).Claims[SecondClaim].Status);
        Assert.Equal("orcid", author.Then(events).Claims[SecondClaim].OfferedEvidence?.Kind);
    }

    [Fact]
    public void Evidence_by_other_account_is_forbidden()
    {
        var author = Record().Claimed(Ada, FirstClaim);

        var decision = ClaimantDecisions.AddEvidence(author, Bo, FirstClaim, Link[0], Now);

        AssertRejected(decision, RejectionKind.Forbidden, "not-claimant");
    }

    [Fact]
    public void Evidence_for_ended_claim_conflicts()
    {
        var author = Record().Claimed(Ada, FirstClaim);
        author = author.Then(ClaimantDecisions.Withdraw(author, Ada.Subject, FirstClaim, Now).Accepted());

        var decision = ClaimantDecisions.AddEvidence(author, Ada, FirstClaim, Link[0], Now);

        AssertRejected(decision, RejectionKind.Conflict, "claim-not-pending");
    }
}
