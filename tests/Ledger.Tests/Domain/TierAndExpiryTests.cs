using Ledger.Domain.Accounts;
using Ledger.Domain.Authors;
using Ledger.Domain.Authors.Claiming;
using Ledger.Domain.Authors.Importing;
using Ledger.Domain.Trust;
using Ledger.Domain.Verification;
using static Ledger.Tests.Domain.DomainFixtures;

namespace Ledger.Tests.Domain;

public class TierAndExpiryTests
{
    private const string Verifier = "verifier-1";

    private static readonly Guid ClaimId = new("00000000-0000-0000-0000-0000000000c1");
    private static readonly DateTimeOffset EmailVerifiedAt = Now.AddMonths(-1);
    private static readonly DateTimeOffset EmailExpiresAt = EmailVerifiedAt.AddMonths(ClaimRules.EmailEvidenceMonths);

    private static readonly Account Ada = NewAccount("user-ada");

    private static VerificationTier Tier(Author author, DateTimeOffset at) =>
        VerificationTiers.Evaluate(AuthorTrustFacts.From(author, 0).Tier, at).Tier;

    private static TrustEvaluation Trust(Author author, DateTimeOffset at, int followers = 0) =>
        TrustPolicyV1.Instance.Evaluate(AuthorTrustFacts.From(author, followers), at);

    private static int Points(TrustEvaluation trust, string factor) =>
        Assert.Single(trust.Factors, f => f.Name == factor).Points;

    private static Author WithOrcidClaim() => Record().Claimed(Ada.WithOrcid(RecordOrcid), ClaimId);

    private static Author WithEmailClaim() =>
        Record().Claimed(Ada.WithEmail("ada@ox.ac.uk", EmailVerifiedAt), ClaimId);

    private static Author Revoked(DateTimeOffset revokedAt)
    {
        var author = WithOrcidClaim();
        return author.Then(VerifierDecisions.Revoke(author, Verifier, ClaimId, "impersonation", revokedAt).Accepted());
    }

    [Fact]
    public void Unclaimed_openalex_record_is_L1()
    {
        Assert.Equal(VerificationTier.L1, Tier(Record(orcid: null), Now));
    }

    [Fact]
    public void Record_without_persistent_identifier_is_L0()
    {
        Assert.Equal(VerificationTier.L0, Tier(Record(externalId: "manual:ada-example", orcid: null), Now));
    }

    [Fact]
    public void Strong_evidence_claim_is_L2()
    {
        Assert.Equal(VerificationTier.L2, Tier(WithOrcidClaim(), Now));
    }

    [Fact]
    public void Email_evidence_claim_is_L2()
    {
        Assert.Equal(VerificationTier.L2, Tier(WithEmailClaim(), Now));
    }

    [Fact]
    public void Attested_strong_claim_is_L3()
    {
        var author = WithOrcidClaim();
        author = author.Then(VerifierDecisions.Attest(author, Verifier, ClaimId, "met in person", Now).Accepted());

        Assert.Equal(VerificationTier.L3, Tier(author, Now));
    }

    [Fact]
    public void Pending_claim_stays_L1()
    {
        Assert.Equal(VerificationTier.L1, Tier(Record().Claimed(Ada, ClaimId), Now));
    }

    [Fact]
    public void Verifier_approval_without_evidence_stays_L1()
    {
        var author = Record().Claimed(Ada, ClaimId);
        author = author.Then(VerifierDecisions.Approve(author, Verifier, ClaimId, "known to the team", Now).Accepted());

        var trust = Trust(author, Now);

        Assert.Equal(VerificationTier.L1, Tier(author, Now));
        Assert.Equal(8, Points(trust, "verification tier"));
        Assert.Equal(10, Points(trust, "claim"));
    }

    [Fact]
    public void Attested_claim_without_evidence_stays_L1()
    {
        var author = Record().Claimed(Ada, ClaimId);
        author = author.Then(VerifierDecisions.Approve(author, Verifier, ClaimId, "known to the team", Now).Accepted());
        author = author.Then(VerifierDecisions.Attest(author, "verifier-2", ClaimId, "met in person", Now).Accepted());

        Assert.Equal(VerificationTier.L1, Tier(author, Now));
    }

    [Fact]
    public void Open_dispute_costs_10_points()
    {
        var author = WithOrcidClaim();
        var disputed = author.Claimed(NewAccount("user-bo"), Guid.NewGuid());

        Assert.Equal(10, Points(Trust(author, Now), "claim"));
        Assert.Equal(0, Points(Trust(disputed, Now), "claim"));
        Assert.Equal(Trust(author, Now).Score - 10, Trust(disputed, Now).Score);
    }

    [Fact]
    public void Disputed_pending_claim_costs_10_points()
    {
        var disputed = Record().Claimed(Ada, ClaimId).Claimed(NewAccount("user-bo"), Guid.NewGuid());

        Assert.Equal(-10, Points(Trust(disputed, Now), "claim"));
    }

    [Fact]
    public void Evidence_expiry_waits_for_expiry_time()
    {
        Assert.Empty(ExpiryDecisions.ExpireEvidence(WithEmailClaim(), ClaimId, EmailExpiresAt.AddSeconds(-1)));
    }

    [Fact]
    public void Evidence_expires_at_its_expiry_time()
    {
        var author = WithEmailClaim();

        var events = ExpiryDecisions.ExpireEvidence(author, ClaimId, EmailExpiresAt.AddDays(3));

        var expired = Assert.IsType<ClaimEvidenceExpired>(Assert.Single(events));
        Assert.Equal(EmailExpiresAt, expired.ExpiredAt);
        Assert.Equal("email", expired.Kind);
        Assert.Equal(ClaimId, expired.ClaimId);
    }

    [Fact]
    public void Evidence_expires_only_once()
    {
        var author = WithEmailClaim();
        author = author.Then(ExpiryDecisions.ExpireEvidence(author, ClaimId, EmailExpiresAt));

        Assert.Empty(ExpiryDecisions.ExpireEvidence(author, ClaimId, EmailExpiresAt.AddDays(1)));
    }

    [Fact]
    public void Orcid_evidence_never_expires()
    {
        Assert.Empty(ExpiryDecisions.ExpireEvidence(WithOrcidClaim(), ClaimId, Now.AddYears(50)));
    }

    [Fact]
    public void Expired_evidence_drops_tier_to_L1()
    {
        var author = WithEmailClaim();
        var expired = author.Then(ExpiryDecisions.ExpireEvidence(author, ClaimId, EmailExpiresAt));

        Assert.Equal(VerificationTier.L2, Tier(author, EmailExpiresAt.AddSeconds(-1)));
        Assert.Equal(VerificationTier.L1, Tier(expired, EmailExpiresAt));
        Assert.Equal(VerificationTier.L1, Tier(expired, EmailExpiresAt.AddSeconds(-1)));
        Assert.Equal(ClaimStatus.Approved, expired.Claims[ClaimId].Status);
        Assert.Equal(10, Points(Trust(expired, EmailExpiresAt), "claim"));
    }

    [Fact]
    public void Revocation_costs_15_within_365_days()
    {
        var author = Revoked(Now);

        Assert.Equal(-15, Points(Trust(author, Now), "claim revoked"));
        Assert.Equal(-15, Points(Trust(author, Now.AddDays(364)), "claim revoked"));
        Assert.Equal(0, Points(Trust(author, Now.AddDays(365)), "claim revoked"));
        Assert.Equal(0, Points(Trust(author, Now.AddDays(400)), "claim revoked"));
    }

    [Fact]
    public void Revoked_claim_counts_as_unclaimed()
    {
        var author = Revoked(Now);

        Assert.Null(author.ClaimInForce);
        Assert.Equal(0, Points(Trust(author, Now), "claim"));
        Assert.Equal(VerificationTier.L1, Tier(author, Now));
    }

    [Fact]
    public void Penalty_lapse_waits_for_365_days()
    {
        var author = Revoked(Now);

        Assert.Empty(ExpiryDecisions.LapseRevocationPenalty(author, ClaimId, Now, Now.AddDays(365).AddSeconds(-1)));
    }

    [Fact]
    public void Penalty_lapses_365_days_after_revocation()
    {
        var author = Revoked(Now);

        var events = ExpiryDecisions.LapseRevocationPenalty(author, ClaimId, Now, Now.AddDays(400));

        var lapsed = Assert.IsType<RevocationPenaltyLapsed>(Assert.Single(events));
        Assert.Equal(Now.AddDays(365), lapsed.LapsedAt);
        Assert.Equal(ClaimId, lapsed.ClaimId);
        Assert.Equal(Now.AddDays(365), author.Then(events).UpdatedAt);
    }

    [Fact]
    public void Penalty_lapses_only_once()
    {
        var author = Revoked(Now);
        author = author.Then(ExpiryDecisions.LapseRevocationPenalty(author, ClaimId, Now, Now.AddDays(365)));

        Assert.Empty(ExpiryDecisions.LapseRevocationPenalty(author, ClaimId, Now, Now.AddDays(366)));
    }

    [Fact]
    public void Reference_record_scores_43_established()
    {
        // Nine works cover four topics, and each of four co-authors shares two or three of them.
        var works = Enumerable.Range(1, 9).Select(i => new WorkAttributed(AuthorId,
            new Work($"W{i}", $"Work {i}", "article", 2020 + i, "Venue", null,
                [new Topic($"T{i % 4}", $"Topic {i % 4}")], [new Coauthor($"A{i % 4}", $"Coauthor {i % 4}")]),
            "admin", Now.AddDays(-20)));
        var author = Record().Then(works).Claimed(Ada.WithOrcid(RecordOrcid), ClaimId);

        var trust = Trust(author, Now);

        Assert.Equal(9, author.Bibliography.Works.Count);
        Assert.Equal(4, author.Bibliography.Topics().Count);
        Assert.Equal(4, author.Bibliography.CloseCollaborators().Count);
        Assert.Equal([20, 10, 9, 2, 2, 0, 0], trust.Factors.Select(f => f.Points));
        Assert.Equal(43, trust.Score);
        Assert.Equal("Established", trust.Band);
    }

    [Fact]
    public void Claimant_follow_adds_no_trust()
    {
        var author = WithOrcidClaim();
        var followers = Followers.None
            .Apply(new AuthorFollowed(Ada.Subject, AuthorId, Now))
            .Apply(new AuthorFollowed("user-bo", AuthorId, Now));

        var trust = Trust(author, Now, followers.CountingFor(author.Claimant));

        Assert.Equal(2, Points(trust, "followers"));
    }
}
