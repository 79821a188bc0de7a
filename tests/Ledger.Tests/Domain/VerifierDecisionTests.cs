using Ledger.Domain;
using Ledger.Domain.Accounts;
using Ledger.Domain.Authors;
using Ledger.Domain.Authors.Claiming;
using static Ledger.Tests.Domain.DomainFixtures;

namespace Ledger.Tests.Domain;

public class VerifierDecisionTests
{
    private const string Verifier = "verifier-1";

    private static readonly Guid Incumbent = new("00000000-0000-0000-0000-0000000000c1");
    private static readonly Guid Challenger = new("00000000-0000-0000-0000-0000000000c2");
    private static readonly Guid Dispute = new("00000000-0000-0000-0000-0000000000d1");

    private static readonly Account Ada = NewAccount("user-ada");
    private static readonly Account Bo = NewAccount("user-bo");

    private static Author Pending() => Record().Claimed(Ada, Incumbent);

    private static Author Approved() => Record().Claimed(Ada.WithOrcid(RecordOrcid), Incumbent);

    [Fact]
    public void Verifier_approves_pending_claim()
    {
        var author = Pending();

        var events = VerifierDecisions.Approve(author, Verifier, Incumbent, "known to the team", Now).Accepted();

        var approved = Assert.IsType<ClaimApproved>(Assert.Single(events));
        Assert.Equal(Verifier, approved.ApprovedBy);
        Assert.Equal("known to the team", approved.Reason);
        Assert.Null(approved.StrongEvidence);
        Assert.Equal(ClaimStatus.Approved, author.Then(events).Claims[Incumbent].Status);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Approval_needs_reason(string? reason)
    {
        AssertRejected(VerifierDecisions.Approve(Pending(), Verifier, Incumbent, reason, Now),
            RejectionKind.Invalid, "reason-required");
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Rejection_needs_reason(string? reason)
    {
        AssertRejected(VerifierDecisions.RejectClaim(Pending(), Verifier, Incumbent, reason, Now),
            RejectionKind.Invalid, "reason-required");
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Revocation_needs_reason(string? reason)
    {
        AssertRejected(VerifierDecisions.Revoke(Approved(), Verifier, Incumbent, reason, Now),
            RejectionKind.Invalid, "reason-required");
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Dispute_resolution_needs_reason(string? reason)
    {
        var author = Approved().Claimed(Bo, Challenger, Dispute);

        AssertRejected(
            VerifierDecisions.ResolveDispute(author, Verifier, Dispute, DisputeOutcome.Incumbent, reason, Now),
            RejectionKind.Invalid, "reason-required");
    }

    [Fact]
    public void Approving_approved_claim_conflicts()
    {
        AssertRejected(VerifierDecisions.Approve(Approved(), Verifier, Incumbent, "again", Now),
            RejectionKind.Conflict, "claim-not-pending");
    }

    [Fact]
    public void Approving_disputed_claim_conflicts()
    {
        var author = Approved().Claimed(Bo, Challenger, Dispute);

        AssertRejected(VerifierDecisions.Approve(author, Verifier, Challenger, "looks right", Now),
            RejectionKind.Conflict, "claim-not-pending");
    }

    [Fact]
    public void Approving_unknown_claim_is_not_found()
    {
        AssertRejected(VerifierDecisions.Approve(Record(), Verifier, Incumbent, "looks right", Now),
            RejectionKind.NotFound, "claim-not-found");
    }

    [Fact]
    public void Verifier_rejects_pending_claim()
    {
        var author = Pending();

        var events = VerifierDecisions.RejectClaim(author, Verifier, Incumbent, "no evidence", Now).Accepted();

        var rejected = Assert.IsType<ClaimRejected>(Assert.Single(events));
        Assert.Equal(Verifier, rejected.RejectedBy);
        Assert.Equal(ClaimStatus.Rejected, author.Then(events).Claims[Incumbent].Status);
        Assert.Null(author.Then(events).ClaimInForce);
    }

    [Fact]
    public void Rejecting_approved_claim_conflicts()
    {
        AssertRejected(VerifierDecisions.RejectClaim(Approved(), Verifier, Incumbent, "no evidence", Now),
            RejectionKind.Conflict, "claim-not-pending");
    }

    [Fact]
    public void Verifier_revokes_approved_claim()
    {
        var author = Approved();

        var events = VerifierDecisions.Revoke(author, Verifier, Incumbent, "impersonation", Now).Accepted();

        var revoked = Assert.IsType<ClaimRevoked>(Assert.Single(events));
        Assert.Equal(Verifier, revoked.RevokedBy);
        Assert.Equal(ClaimStatus.Revoked, author.Then(events).Claims[Incumbent].Status);
        Assert.Equal([Now], author.Then(events).RevokedAt);
    }

    [Fact]
    public void Revoking_pending_claim_conflicts()
    {
        AssertRejected(VerifierDecisions.Revoke(Pending(), Verifier, Incumbent, "impersonation", Now),
            RejectionKind.Conflict, "claim-not-approved");
    }

    [Fact]
    public void Nobody_approves_own_claim()
    {
        AssertRejected(VerifierDecisions.Approve(Pending(), Ada.Subject, Incumbent, "it is me", Now),
            RejectionKind.Forbidden, "own-claim");
    }

    [Fact]
    public void Nobody_rejects_own_claim()
    {
        AssertRejected(VerifierDecisions.RejectClaim(Pending(), Ada.Subject, Incumbent, "changed my mind", Now),
            RejectionKind.Forbidden, "own-claim");
    }

    [Fact]
    public void Nobody_revokes_own_claim()
    {
        AssertRejected(VerifierDecisions.Revoke(Approved(), Ada.Subject, Incumbent, "changed my mind", Now),
            RejectionKind.Forbidden, "own-claim");
    }

    [Fact]
    public void Nobody_attests_own_claim()
    {
        AssertRejected(VerifierDecisions.Attest(Approved(), Ada.Subject, Incumbent, "I am who I say", Now),
            RejectionKind.Forbidden, "own-claim");
    }

    [Theory]
    [InlineData("user-ada", DisputeOutcome.Incumbent)]
    [InlineData("user-bo", DisputeOutcome.Challenger)]
    public void Dispute_party_cannot_resolve_it(string verifier, DisputeOutcome outcome)
    {
        var author = Approved().Claimed(Bo, Challenger, Dispute);

        AssertRejected(VerifierDecisions.ResolveDispute(author, verifier, Dispute, outcome, "mine", Now),
            RejectionKind.Forbidden, "own-claim");
    }

    // The first dispute hands the record to user-bo. The second dispute names only user-ada and
    // user-cy, but either outcome decides user-bo's claim, so user-bo must not resolve it.
    [Theory]
    [InlineData(DisputeOutcome.Challenger)]
    [InlineData(DisputeOutcome.Incumbent)]
    public void Claimant_in_force_cannot_resolve_dispute(DisputeOutcome outcome)
    {
        var secondDispute = Guid.NewGuid();
        var author = Approved()
            .Claimed(Bo, Challenger, Dispute)
            .Claimed(NewAccount("user-cy"), Guid.NewGuid(), secondDispute);
        author = author.Then(VerifierDecisions.ResolveDispute(author, Verifier, Dispute, DisputeOutcome.Challenger,
            "Bo holds the record's ORCID iD", Now).Accepted());
        Assert.Equal(Bo.Subject, author.Claimant);

        var decision = VerifierDecisions.ResolveDispute(author, Bo.Subject, secondDispute, outcome, "mine", Now);

        AssertRejected(decision, RejectionKind.Forbidden, "own-claim");
    }

    [Fact]
    public void Incumbent_outcome_rejects_challenger()
    {
        var author = Approved().Claimed(Bo, Challenger, Dispute);

        var events = VerifierDecisions.ResolveDispute(author, Verifier, Dispute, DisputeOutcome.Incumbent,
            "Ada holds the record's ORCID iD", Now).Accepted();

        Assert.Equal(2, events.Count);
        var resolved = Assert.IsType<DisputeResolved>(events[0]);
        Assert.Equal(DisputeOutcome.Incumbent, resolved.InFavourOf);
        Assert.Equal(Challenger, Assert.IsType<ClaimRejected>(events[1]).ClaimId);

        var after = author.Then(events);
        Assert.Equal(ClaimStatus.Approved, after.Claims[Incumbent].Status);
        Assert.Equal(ClaimStatus.Rejected, after.Claims[Challenger].Status);
        Assert.False(after.DisputeOpen);
    }

    [Fact]
    public void Challenger_outcome_revokes_approved_incumbent()
    {
        var author = Approved().Claimed(Bo, Challenger, Dispute);

        var events = VerifierDecisions.ResolveDispute(author, Verifier, Dispute, DisputeOutcome.Challenger,
            "Bo is the author", Now).Accepted();

        Assert.Equal(3, events.Count);
        Assert.IsType<DisputeResolved>(events[0]);
        Assert.Equal(Incumbent, Assert.IsType<ClaimRevoked>(events[1]).ClaimId);
        var approved = Assert.IsType<ClaimApproved>(events[2]);
        Assert.Equal(Challenger, approved.ClaimId);
        Assert.Equal(Verifier, approved.ApprovedBy);

        var after = author.Then(events);
        Assert.Equal(ClaimStatus.Revoked, after.Claims[Incumbent].Status);
        Assert.Equal(Challenger, after.ClaimInForce?.Id);
        Assert.False(after.DisputeOpen);
    }

    [Fact]
    public void Challenger_outcome_rejects_pending_incumbent()
    {
        var author = Pending().Claimed(Bo, Challenger, Dispute);

        var events = VerifierDecisions.ResolveDispute(author, Verifier, Dispute, DisputeOutcome.Challenger,
            "Bo is the author", Now).Accepted();

        Assert.Equal(3, events.Count);
        Assert.Equal(Incumbent, Assert.IsType<ClaimRejected>(events[1]).ClaimId);
        Assert.Equal(Challenger, Assert.IsType<ClaimApproved>(events[2]).ClaimId);
        Assert.Empty(author.Then(events).RevokedAt);
        Assert.Equal(ClaimStatus.Approved, author.Then(events).Claims[Challenger].Status);
    }

    [Fact]
    public void Challenger_approval_keeps_offered_evidence()
    {
        var author = Pending().Claimed(Bo.WithOrcid(RecordOrcid), Challenger, Dispute);

        var events = VerifierDecisions.ResolveDispute(author, Verifier, Dispute, DisputeOutcome.Challenger,
            "Bo holds the record's ORCID iD", Now).Accepted();

        var approved = Assert.IsType<ClaimApproved>(events[^1]);
        Assert.Equal("orcid", approved.StrongEvidence?.Kind);
        Assert.Equal("orcid", author.Then(events).Claims[Challenger].StrongEvidence?.Kind);
    }

    [Fact]
    public void Expired_offered_evidence_is_not_kept()
    {
        var bo = Bo.WithEmail("bo@ox.ac.uk", Now.AddMonths(-23));
        var author = Pending().Claimed(bo, Challenger, Dispute);

        var events = VerifierDecisions.ResolveDispute(author, Verifier, Dispute, DisputeOutcome.Challenger,
            "Bo is the author", Now.AddMonths(2)).Accepted();

        Assert.Null(Assert.IsType<ClaimApproved>(events[^1]).StrongEvidence);
    }

    [Fact]
    public void Resolved_dispute_cannot_be_resolved_again()
    {
        var author = Approved().Claimed(Bo, Challenger, Dispute);
        author = author.Then(VerifierDecisions.ResolveDispute(author, Verifier, Dispute, DisputeOutcome.Incumbent,
            "Ada holds the record's ORCID iD", Now).Accepted());

        var decision = VerifierDecisions.ResolveDispute(author, Verifier, Dispute, DisputeOutcome.Challenger,
            "second thoughts", Now);

        AssertRejected(decision, RejectionKind.Conflict, "dispute-not-open");
    }

    [Fact]
    public void Resolving_unknown_dispute_is_not_found()
    {
        AssertRejected(VerifierDecisions.ResolveDispute(Approved(), Verifier, Dispute, DisputeOutcome.Incumbent,
            "no dispute", Now), RejectionKind.NotFound, "dispute-not-found");
    }

    [Fact]
    public void Verifier_attests_approved_claim()
    {
        var author = Approved();

        var events = VerifierDecisions.Attest(author, Verifier, Incumbent, "met in person", Now).Accepted();

        var attested = Assert.IsType<AttestationRecorded>(Assert.Single(events));
        Assert.Equal(Verifier, attested.AttestedBy);
        Assert.Equal("met in person", attested.Statement);
        Assert.True(author.Then(events).Claims[Incumbent].Attested);
    }

    [Fact]
    public void Attesting_twice_appends_nothing()
    {
        var author = Approved();
        author = author.Then(VerifierDecisions.Attest(author, Verifier, Incumbent, "met in person", Now).Accepted());

        Assert.Empty(VerifierDecisions.Attest(author, "verifier-2", Incumbent, "also met", Now).Accepted());
    }

    [Fact]
    public void Attesting_pending_claim_conflicts()
    {
        AssertRejected(VerifierDecisions.Attest(Pending(), Verifier, Incumbent, "met in person", Now),
            RejectionKind.Conflict, "claim-not-approved");
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Attestation_needs_statement(string? statement)
    {
        AssertRejected(VerifierDecisions.Attest(Approved(), Verifier, Incumbent, statement, Now),
            RejectionKind.Invalid, "statement-required");
    }
}
