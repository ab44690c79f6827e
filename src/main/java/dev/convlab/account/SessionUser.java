package dev.convlab.account;

/** Who a session cookie belongs to. */
public record SessionUser(long accountId, String email, String displayName, String role) {

    static SessionUser of(Account account) {
        return new SessionUser(account.id, account.email, account.displayName, account.role);
    }
}
