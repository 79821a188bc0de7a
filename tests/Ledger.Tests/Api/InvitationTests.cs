using System.Text.Json;
using Ledger.Api.Invitations;
using Ledger.Domain.Identifiers;
using Ledger.Tests.Infrastructure;
using Marten;

namespace Ledger.Tests.Api;

public class InvitationTests(AppFixture app) : AppTest(app)
{
    private const string Record = "/api/authors/A7000000001";
    private const string AdaOrcid = "0000-0002-1825-0097";

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        await ImportOxfordRecordAsync();
    }

    [Fact]
    public async Task Unclaimed_record_refuses_invitations()
    {
        var (status, problem, _) = await SendAsync("bob");

        Assert.Equal(409, status);
        Assert.Equal("record-not-claimed", problem.GetProperty("rule").GetString());
        Assert.Contains("must be claimed", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        var profile = await GetJsonAsync(Record);
        Assert.False(profile.GetProperty("invitations").GetProperty("open").GetBoolean());
        Assert.Equal("record-not-claimed", profile.GetProperty("invitations").GetProperty("closedBecause").GetString());
    }

    [Fact]
    public async Task Claimant_can_close_record_to_invitations()
    {
        await ClaimAsync();

        var (setStatus, set, _) = await PostAsync($"{Record}/collaboration", new { open = false }, AdaToken);
        var (status, problem, _) = await SendAsync("bob");
        await ImportOxfordRecordAsync();
        await WaitForViewsAsync();

        Assert.Equal(200, setStatus);
        Assert.False(set.GetProperty("openToCollaborate").GetBoolean());
        Assert.Equal(409, status);
        Assert.Equal("record-not-open-to-collaborate", problem.GetProperty("rule").GetString());
        var profile = await GetJsonAsync(Record);
        Assert.False(profile.GetProperty("openToCollaborate").GetBoolean());
        Assert.Equal("record-not-open-to-collaborate",
            profile.GetProperty("invitations").GetProperty("closedBecause").GetString());
    }

    [Fact]
    public async Task Claimant_choice_ends_with_its_claim()
    {
        var claimId = await ClaimAsync();
        await PostAsync($"{Record}/collaboration", new { open = false }, AdaToken);

        await PostAsync($"{Record}/claims/{claimId}/release", new { }, AdaToken);
        await WaitForViewsAsync();

        Assert.True((await GetJsonAsync(Record)).GetProperty("openToCollaborate").GetBoolean());
    }

    [Fact]
    public async Task Answer_after_claim_ended_is_refused()
    {
        var claimId = await ClaimAsync();
        var (_, sent, _) = await SendAsync("bob");
        await PostAsync($"{Record}/claims/{claimId}/release", new { }, AdaToken);

        var (status, problem, _) = await PostAsync($"/api/invitations/{sent.GetProperty("invitationId")}/accept",
            null, AdaToken);

        Assert.Equal(409, status);
        // The closing message may or may not have run yet, and the accept is rejected either way.
        var rule = problem.GetProperty("rule").GetString();
        Assert.True(rule is "claim-ended" or "invitation-not-pending", $"unexpected rule {rule}");
    }

    [Fact]
    public async Task Only_claimant_sets_collaboration()
    {
        await ClaimAsync();

        var (status, problem, _) = await PostAsync($"{Record}/collaboration", new { open = true },
            App.ResearcherToken("bob"));

        Assert.Equal(403, status);
        Assert.Equal("not-claimant", problem.GetProperty("rule").GetString());
    }

    [Fact]
    public async Task Claimant_cannot_invite_itself()
    {
        await ClaimAsync();

        var (status, problem, _) = await PostAsync($"{Record}/invitations", new { message = "hi" }, AdaToken);

        Assert.Equal(403, status);
        Assert.Equal("own-record", problem.GetProperty("rule").GetString());
    }

    [Fact]
    public async Task Suspended_sender_cannot_invite()
    {
        await ClaimAsync();
        await PostAsync("/api/authors/A7000000001/follow", null, App.ResearcherToken("bob"));
        await PostAsync("/api/accounts/bob/suspend", new { reason = "spam" }, App.VerifierToken("vera"));

        var (status, problem, _) = await SendAsync("bob");

        Assert.Equal(403, status);
        Assert.Equal("account-suspended", problem.GetProperty("rule").GetString());
    }

    [Fact]
    public async Task Second_pending_invitation_to_target_is_refused()
    {
        await ClaimAsync();
        var (firstStatus, first, result) = await SendAsync("bob");

        var (status, problem, _) = await SendAsync("bob");

        Assert.Equal(201, firstStatus);
        Assert.Equal("pending", first.GetProperty("status").GetString());
        Assert.Equal(InvitationResponse.Location(Guid.Parse(first.GetProperty("invitationId").GetString()!)),
            result.Context.Response.Headers.Location.ToString());
        Assert.Equal(409, status);
        Assert.Equal("invitation-already-pending", problem.GetProperty("rule").GetString());
    }

    [Fact]
    public async Task Twenty_first_pending_invitation_is_refused()
    {
        var orcids = Enumerable.Range(1, 21).Select(OrcidFor).ToList();
        await ImportAsync(string.Join('\n', orcids.Select((orcid, i) =>
            $"{{\"id\":\"https://openalex.org/A71{i:D8}\",\"display_name\":\"Target {i}\",\"orcid\":\"{orcid}\","
            + "\"x_profile\":{\"open_to_collaborate\":true}}")));
        for (var i = 0; i < 21; i++)
        {
            await PostAsync($"/api/authors/A71{i:D8}/claims", new { },
                App.ResearcherToken($"owner-{i}", orcid: orcids[i]));
        }

        var sends = new List<int>();
        for (var i = 0; i < 21; i++)
        {
            var (status, _, _) = await PostAsync($"/api/authors/A71{i:D8}/invitations", new { message = "hello" },
                App.ResearcherToken("bob"));
            sends.Add(status);
        }

        var (lastStatus, problem, _) = await PostAsync("/api/authors/A7100000020/invitations",
            new { message = "hello" }, App.ResearcherToken("bob"));
        Assert.All(sends.Take(20), s => Assert.Equal(201, s));
        Assert.Equal(409, sends[20]);
        Assert.Equal(409, lastStatus);
        Assert.Equal("too-many-pending-invitations", problem.GetProperty("rule").GetString());
        Assert.Equal(20, problem.GetProperty("value").GetInt32());
    }

    [Fact]
    public async Task Only_claimant_accepts()
    {
        await ClaimAsync();
        var (_, sent, _) = await SendAsync("bob");
        var id = sent.GetProperty("invitationId").GetString();

        var (senderStatus, senderProblem, _) = await PostAsync($"/api/invitations/{id}/accept", null,
            App.ResearcherToken("bob"));
        var (strangerStatus, _, _) = await PostAsync($"/api/invitations/{id}/accept", null,
            App.ResearcherToken("eve"));
        var (status, accepted, _) = await PostAsync($"/api/invitations/{id}/accept", null, AdaToken);

        Assert.Equal(403, senderStatus);
        Assert.Equal("not-claimant", senderProblem.GetProperty("rule").GetString());
        Assert.Equal(404, strangerStatus);
        Assert.Equal(200, status);
        Assert.Equal("accepted", accepted.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Views_show_received_and_sent()
    {
        await ClaimAsync();
        var (_, sent, _) = await SendAsync("bob");
        await PostAsync($"/api/invitations/{sent.GetProperty("invitationId")}/decline", null, AdaToken);

        var received = await GetWithTokenAsync($"{Record}/invitations", AdaToken);
        var bobSent = await GetWithTokenAsync("/api/invitations/sent", App.ResearcherToken("bob"));
        var (strangerStatus, _) = await GetStatusAsync($"{Record}/invitations", App.ResearcherToken("bob"));

        Assert.Equal("declined", received.GetProperty("invitations")[0].GetProperty("status").GetString());
        Assert.Equal("bob", received.GetProperty("invitations")[0].GetProperty("sender").GetString());
        Assert.Equal("declined", bobSent.GetProperty("invitations")[0].GetProperty("status").GetString());
        Assert.Equal(403, strangerStatus);
    }

    [Fact]
    public async Task Only_sender_withdraws()
    {
        await ClaimAsync();
        var (_, sent, _) = await SendAsync("bob");
        var id = sent.GetProperty("invitationId").GetString();

        var (claimantStatus, problem, _) = await PostAsync($"/api/invitations/{id}/withdraw", null, AdaToken);
        var (status, withdrawn, _) = await PostAsync($"/api/invitations/{id}/withdraw", null,
            App.ResearcherToken("bob"));

        Assert.Equal(403, claimantStatus);
        Assert.Equal("not-sender", problem.GetProperty("rule").GetString());
        Assert.Equal(200, status);
        Assert.Equal("withdrawn", withdrawn.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Invitation_expires_after_30_days()
    {
        await ClaimAsync();
        var (_, sent, _) = await SendAsync("bob");
        var id = Guid.Parse(sent.GetProperty("invitationId").GetString()!);

        App.Clock.Advance(TimeSpan.FromDays(29));
        await InvokeAsync(new ExpireInvitation(id));
        var early = await GetWithTokenAsync($"/api/invitations/{id}", AdaToken);
        App.Clock.Advance(TimeSpan.FromDays(2));
        await InvokeAsync(new ExpireInvitation(id));
        var late = await GetWithTokenAsync($"/api/invitations/{id}", AdaToken);

        Assert.Equal("pending", early.GetProperty("status").GetString());
        Assert.Equal("expired", late.GetProperty("status").GetString());
        Assert.Equal(AppFixture.Start.AddDays(30), late.GetProperty("endedAt").GetDateTimeOffset());
    }

    [Fact]
    public async Task Invitation_expires_after_a_restart()
    {
        await ClaimAsync();
        var (_, sent, _) = await SendAsync("bob");
        var id = sent.GetProperty("invitationId").GetString()!;

        await App.RestartAsync();
        App.Clock.Advance(TimeSpan.FromDays(31));
        await using (var session = App.Store.LightweightSession())
        {
            // The stored message is due in 30 days of wall-clock time; bring its due time forward
            // so that the restarted service's scheduler fires it now.
            session.QueueSqlCommand("update ledger.wolverine_incoming_envelopes set execution_time = now() "
                + "where status = 'Scheduled' and message_type like '%ExpireInvitation%'");
            await session.SaveChangesAsync(TestContext.Current.CancellationToken);
        }

        var status = await PollStatusAsync($"/api/invitations/{id}", AdaToken, "expired");

        Assert.Equal("expired", status);
    }

    [Fact]
    public async Task Revoking_claim_closes_pending_invitations()
    {
        var claimId = await ClaimAsync();
        var (_, sent, _) = await SendAsync("bob");

        await PostAsync($"{Record}/claims/{claimId}/revoke", new { reason = "wrong person" },
            App.VerifierToken("vera"));
        var status = await PollStatusAsync($"/api/invitations/{sent.GetProperty("invitationId")}",
            App.ResearcherToken("bob"), "closed");
        var closed = await GetWithTokenAsync($"/api/invitations/{sent.GetProperty("invitationId")}",
            App.ResearcherToken("bob"));

        Assert.Equal("closed", status);
        Assert.Equal("claim revoked", closed.GetProperty("endReason").GetString());
    }

    private string AdaToken => App.ResearcherToken("ada", orcid: AdaOrcid);

    private async Task<string> ClaimAsync()
    {
        var (status, claim, _) = await PostAsync($"{Record}/claims", new { }, AdaToken);
        Assert.Equal(201, status);
        return claim.GetProperty("claimId").GetString()!;
    }

    private Task<(int Status, JsonElement Body, Alba.IScenarioResult Result)> SendAsync(string sender) =>
        PostAsync($"{Record}/invitations", new { message = "Shall we write about kernels?" },
            App.ResearcherToken(sender));

    private async Task<JsonElement> GetWithTokenAsync(string url, string token)
    {
        var (status, body) = await GetStatusAsync(url, token);
        Assert.Equal(200, status);
        return body;
    }

    private async Task<(int Status, JsonElement Body)> GetStatusAsync(string url, string token)
    {
        var result = await App.Host.Scenario(s =>
        {
            s.Get.Url(url);
            s.WithBearerToken(token);
            s.IgnoreStatusCode();
        });
        var body = JsonDocument.Parse(await result.ReadAsTextAsync()).RootElement.Clone();
        return (result.Context.Response.StatusCode, body);
    }

    /// <summary>Reads an invitation until it reaches a status, for work done by a background message.</summary>
    private async Task<string?> PollStatusAsync(string url, string token, string expected)
    {
        string? status = null;
        for (var attempt = 0; attempt < 300 && status != expected; attempt++)
        {
            await Task.Delay(100, TestContext.Current.CancellationToken);
            status = (await GetWithTokenAsync(url, token)).GetProperty("status").GetString();
        }

        return status;
    }

    private static string OrcidFor(int n)
    {
        var digits = $"0000000300{n:D5}";
        var full = digits + Orcid.CheckDigit(digits);
        return $"{full[..4]}-{full[4..8]}-{full[8..12]}-{full[12..]}";
    }
}
