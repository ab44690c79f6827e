package dev.convlab.account;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Brings e-mails stored before they were compared in NFKC into that form, so their owners still log in. Only
 * non-ASCII addresses can differ. One whose normal form another account already holds is left as it is and
 * logged, for an instructor to settle: no account is merged or lost.
 */
@ApplicationScoped
public class StoredEmails {

    private static final Logger LOG = Logger.getLogger(StoredEmails.class);

    @Transactional
    void onStart(@Observes StartupEvent event) {
        @SuppressWarnings("unchecked")
        List<Account> candidates = Account.getEntityManager()
                .createNativeQuery("select * from account where email !~ '^[ -~]*$'", Account.class).getResultList();
        for (Account account : candidates) {
            String normal = Account.normalizeEmail(account.email);
            if (normal.equals(account.email)) {
                continue;
            }
            if (Account.count("email", normal) > 0) {
                LOG.warnf("Account %d's e-mail %s is, in NFKC, that of another account: left unchanged", account.id, account.email);
                continue;
            }
            LOG.infof("Account %d's e-mail %s is now stored as %s (NFKC)", account.id, account.email, normal);
            account.email = normal;
            account.flush();
        }
    }
}
