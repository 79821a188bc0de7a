using Ledger.Domain.Authors;

namespace Ledger.Domain.Accounts;

public static class AccountIds
{
    /// <summary>Derives an account's stream id from its token subject, which is the account id.</summary>
    public static Guid ForSubject(string subject) => AuthorIds.ForExternalId("account:" + subject);
}
