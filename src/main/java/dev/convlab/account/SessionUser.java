package dev.convlab.account;

import dev.convlab.i18n.Language;

/** Who a session cookie belongs to, and the language their account keeps (null when it keeps none). */
public record SessionUser(long accountId, String email, String displayName, String role, Language language) {

    static SessionUser of(Account account) {
        return new SessionUser(account.id, account.email, account.displayName, account.role, Language.ofTag(account.language).orElse(null));
    }
}
