package dev.convlab.account;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

@QuarkusTest
class PasswordHashingTest {

    @Inject
    PasswordHashing passwords;

    @Test
    void aHashMatchesItsPasswordOnlyAndIsSaltedEachTime() throws Exception {
        String hash = passwords.hash("correct horse battery").get(10, TimeUnit.SECONDS);
        assertTrue(hash.startsWith("$2a$10$"), hash);
        assertTrue(passwords.matches("correct horse battery", hash).get(10, TimeUnit.SECONDS));
        assertFalse(passwords.matches("correct horse batterx", hash).get(10, TimeUnit.SECONDS));
        assertNotEquals(hash, passwords.hash("correct horse battery").get(10, TimeUnit.SECONDS));
    }

    @Test
    void noStoredHashMatchesNothingAfterCheckingTheDecoy() throws Exception {
        long started = System.nanoTime();
        assertFalse(passwords.matches("any password", null).get(10, TimeUnit.SECONDS));
        assertFalse(passwords.matches("", null).get(10, TimeUnit.SECONDS));
        assertTrue(System.nanoTime() - started > TimeUnit.MILLISECONDS.toNanos(20), "the decoy is a real bcrypt check");
    }
}
