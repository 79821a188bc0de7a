using System.Text.Json;
using Ledger.Tests.Infrastructure;

namespace Ledger.Tests.Api;

public class ClaimTests(AppFixture app) : AppTest(app)
{
    private const string Record = "/api/authors/A7000000001";

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        await ImportOxfordRecordAsync();
    }

    [Fact]
    public async Task Orcid_in_url_form_approves_claim_at_once()
    {
        var token = App.ResearcherToken("ada", orcid: "https://orcid.org/0000-0002-1825-0097");

        var (status, claim, result) = await PostAsync($"{Record}/claims", new { }, token);

        Assert.Equal(201, status);
        Assert.Equal("approved", claim.GetProperty("status").GetString());
        Assert.Equal("orcid", claim.GetProperty("strongEvidence").GetProperty("kind").GetString());
        var location = result.Context.Response.Headers.Location.ToString();
        Assert.Equal($"/api/authors/{claim.GetProperty("authorId").GetString()}/claims/"
            + claim.GetProperty("claimId").GetString(), location);
        Assert.Equal("approved", (await GetJsonAsync(location)).GetProperty("status").GetString());
    }

    [Fact]
    public async Task Approved_strong_claim_reads_l2_claimed()
    {
        await PostAsync($"{Record}/claims", new { }, App.ResearcherToken("ada", orcid: "0000-0002-1825-0097"));
        await WaitForViewsAsync();

        var profile = await GetJsonAsync(Record);
        var trust = await GetJsonAsync($"{Record}/trust");

        Assert.Equal("L2", profile.GetProperty("verificationTier").GetString());
        Assert.Equal("claimed", profile.GetProperty("claim").GetProperty("status").GetString());
        Assert.Equal("ada", profile.GetProperty("claim").GetProperty("claimant").GetString());
        Assert.Equal(30, trust.GetProperty("score").GetInt32());
        Assert.Equal([20, 10, 0, 0, 0, 0, 0], Points(trust));
    }

    [Fact]
    public async Task Bad_orcid_check_digit_is_not_evidence()
    {
        var (status, claim, _) = await PostAsync($"{Record}/claims", new { },
            App.ResearcherToken("ada", orcid: "0000-0002-1825-0098"));

        Assert.Equal(201, status);
        Assert.Equal("pending", claim.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Email_on_affiliation_subdomain_approves_claim()
    {
        var (_, claim, _) = await PostAsync($"{Record}/claims", new { },
            App.ResearcherToken("ada", email: "Ada.Hara@Physics.OX.ac.uk"));

        Assert.Equal("approved", claim.GetProperty("status").GetString());
        Assert.Equal("email", claim.GetProperty("strongEvidence").GetProperty("kind").GetString());
        Assert.Equal(AppFixture.Start.AddMonths(24),
            claim.GetProperty("strongEvidence").GetProperty("expiresAt").GetDateTimeOffset());
    }

    [Fact]
    public async Task Second_claimant_opens_dispute()
    {
        await PostAsync($"{Record}/claims", new { }, App.ResearcherToken("ada"));

        var (status, second, _) = await PostAsync($"{Record}/claims", new { }, App.ResearcherToken("bob"));
        await WaitForViewsAsync();

        Assert.Equal(201, status);
        Assert.Equal("disputed", second.GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.String, second.GetProperty("openDisputeId").ValueKind);
        var profile = await GetJsonAsync(Record);
        Assert.Equal("ada", profile.GetProperty("claim").GetProperty("claimant").GetString());
        Assert.True(profile.GetProperty("claim").GetProperty("disputeOpen").GetBoolean());
        Assert.Equal(-10, Points(await GetJsonAsync($"{Record}/trust"))[1]);
    }

    [Fact]
    public async Task Verifier_resolves_dispute_for_challenger()
    {
        await PostAsync($"{Record}/claims", new { }, App.ResearcherToken("ada"));
        var (_, second, _) = await PostAsync($"{Record}/claims", new { }, App.ResearcherToken("bob"));
        var disputeId = second.GetProperty("openDisputeId").GetString();

        var (status, resolved, _) = await PostAsync($"{Record}/disputes/{disputeId}/resolve",
            new { inFavourOf = "Challenger", reason = "bob showed the thesis" }, App.VerifierToken("vera"));

        Assert.Equal(200, status);
        Assert.Equal("rejected", resolved.GetProperty("incumbent").GetProperty("status").GetString());
        Assert.Equal("approved", resolved.GetProperty("challenger").GetProperty("status").GetString());
        Assert.False(resolved.GetProperty("open").GetBoolean());
    }

    [Fact]
    public async Task Researcher_calling_verifier_command_gets_403()
    {
        var (_, claim, _) = await PostAsync($"{Record}/claims", new { }, App.ResearcherToken("ada"));

        var (status, problem, _) = await PostAsync($"{Record}/claims/{claim.GetProperty("claimId")}/approve",
            new { reason = "looks right" }, App.ResearcherToken("bob"));

        Assert.Equal(403, status);
        Assert.Equal(JsonValueKind.Object, problem.ValueKind);
    }

    [Fact]
    public async Task Command_without_token_gets_401_problem()
    {
        var (status, problem, result) = await PostAsync($"{Record}/claims", new { }, token: null);

        Assert.Equal(401, status);
        Assert.Equal("application/problem+json", result.Context.Response.ContentType);
        Assert.Equal(401, problem.GetProperty("status").GetInt32());
    }

    [Fact]
    public async Task Verifier_cannot_approve_own_claim()
    {
        var (_, claim, _) = await PostAsync($"{Record}/claims", new { }, App.VerifierToken("vera"));

        var (status, problem, _) = await PostAsync($"{Record}/claims/{claim.GetProperty("claimId")}/approve",
            new { reason = "it is me" }, App.VerifierToken("vera"));

        Assert.Equal(403, status);
        Assert.Equal("own-claim", problem.GetProperty("rule").GetString());
        Assert.Equal("vera", problem.GetProperty("value").GetString());
    }

    [Fact]
    public async Task Verifier_decision_needs_a_reason()
    {
        var (_, claim, _) = await PostAsync($"{Record}/claims", new { }, App.ResearcherToken("ada"));

        var (status, problem, _) = await PostAsync($"{Record}/claims/{claim.GetProperty("claimId")}/reject",
            new { reason = " " }, App.VerifierToken("vera"));

        Assert.Equal(400, status);
        Assert.Equal("reason-required", problem.GetProperty("rule").GetString());
    }

    [Fact]
    public async Task Attestation_raises_l2_to_l3()
    {
        var (_, claim, _) = await PostAsync($"{Record}/claims", new { },
            App.ResearcherToken("ada", orcid: "0000-0002-1825-0097"));

        var (status, _, _) = await PostAsync($"{Record}/claims/{claim.GetProperty("claimId")}/attestations",
            new { statement = "met in person with passport" }, App.VerifierToken("vera"));
        await WaitForViewsAsync();

        Assert.Equal(200, status);
        Assert.Equal("L3", (await GetJsonAsync($"{Record}/verification")).GetProperty("tier").GetString());
    }

    [Fact]
    public async Task Revoked_claim_costs_15_until_it_lapses()
    {
        var (_, claim, _) = await PostAsync($"{Record}/claims", new { },
            App.ResearcherToken("ada", orcid: "0000-0002-1825-0097"));
        var claimId = claim.GetProperty("claimId").GetString();
        await PostAsync($"{Record}/claims/{claimId}/revoke", new { reason = "identity theft" },
            App.VerifierToken("vera"));
        await WaitForViewsAsync();
        var revoked = await GetJsonAsync($"{Record}/trust");

        App.Clock.Advance(TimeSpan.FromDays(365));
        await InvokeAsync(new Ledger.Api.Authors.Expiring.LapseRevocationPenalty(
            Guid.Parse(claim.GetProperty("authorId").GetString()!), Guid.Parse(claimId!), AppFixture.Start));
        var lapsed = await GetJsonAsync($"{Record}/trust");

        Assert.Equal(-15, Points(revoked)[6]);
        Assert.Equal(0, revoked.GetProperty("score").GetInt32());
        Assert.Equal(0, Points(lapsed)[6]);
        Assert.Equal(8, lapsed.GetProperty("score").GetInt32());
    }

    [Fact]
    public async Task Stale_if_match_gets_412_and_stale_version_409()
    {
        var (_, claim, _) = await PostAsync($"{Record}/claims", new { }, App.ResearcherToken("ada"));
        var claimId = claim.GetProperty("claimId").GetString();

        var (ifMatchStatus, ifMatchProblem, _) = await PostAsync($"{Record}/claims/{claimId}/withdraw", new { },
            App.ResearcherToken("ada"), ifMatch: "\"1\"");
        var (bodyStatus, _, _) = await PostAsync($"{Record}/claims/{claimId}/withdraw", new { expectedVersion = 1 },
            App.ResearcherToken("ada"));
        var (currentStatus, _, _) = await PostAsync($"{Record}/claims/{claimId}/withdraw", new { expectedVersion = 2 },
            App.ResearcherToken("ada"));

        Assert.Equal(412, ifMatchStatus);
        Assert.Equal(2, ifMatchProblem.GetProperty("currentVersion").GetInt64());
        Assert.Equal(409, bodyStatus);
        Assert.Equal(200, currentStatus);
    }

    [Fact]
    public async Task Profile_etag_is_the_record_version()
    {
        await PostAsync($"{Record}/follow", null, App.ResearcherToken("fan"));
        var (_, claim, _) = await PostAsync($"{Record}/claims", new { }, App.ResearcherToken("ada"));
        await WaitForViewsAsync();

        var read = await App.Host.Scenario(s => s.Get.Url(Record));
        var etag = read.Context.Response.Headers.ETag.ToString();
        var (status, withdrawn, _) = await PostAsync($"{Record}/claims/{claim.GetProperty("claimId")}/withdraw",
            new { }, App.ResearcherToken("ada"), ifMatch: etag);

        Assert.Equal("\"2\"", etag);
        Assert.Equal(2, claim.GetProperty("recordVersion").GetInt64());
        Assert.Equal(200, status);
        Assert.Equal(3, withdrawn.GetProperty("recordVersion").GetInt64());
    }

    [Fact]
    public async Task Token_without_role_cannot_claim()
    {
        var (status, _, _) = await PostAsync($"{Record}/claims", new { }, App.TokenFor("nobody"));

        Assert.Equal(403, status);
    }

    [Fact]
    public async Task Etag_follows_the_stream_at_once()
    {
        var (_, claim, _) = await PostAsync($"{Record}/claims", new { }, App.ResearcherToken("ada"));

        var read = await App.Host.Scenario(s => s.Get.Url(Record));
        var (status, _, _) = await PostAsync($"{Record}/claims/{claim.GetProperty("claimId")}/withdraw", new { },
            App.ResearcherToken("ada"), ifMatch: read.Context.Response.Headers.ETag.ToString());
        var (anyStatus, _, _) = await PostAsync($"{Record}/claims", new { }, App.ResearcherToken("ada"),
            ifMatch: "*");

        Assert.Equal(200, status);
        Assert.Equal(201, anyStatus);
    }

    [Fact]
    public async Task Rejected_command_appends_nothing()
    {
        var (_, claim, _) = await PostAsync($"{Record}/claims", new { }, App.ResearcherToken("ada"));
        var before = await EventCountAsync("openalex:A7000000001");

        var (status, problem, _) = await PostAsync($"{Record}/claims/{claim.GetProperty("claimId")}/release", new { },
            App.ResearcherToken("ada"));

        Assert.Equal(409, status);
        Assert.Equal("claim-not-approved", problem.GetProperty("rule").GetString());
        Assert.Equal("pending", problem.GetProperty("value").GetString());
        Assert.Equal(before, await EventCountAsync("openalex:A7000000001"));
    }

    private static int[] Points(JsonElement trust) =>
        trust.GetProperty("factors").EnumerateArray().Select(f => f.GetProperty("points").GetInt32()).ToArray();
}
