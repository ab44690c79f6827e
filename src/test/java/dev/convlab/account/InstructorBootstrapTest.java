package dev.convlab.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class InstructorBootstrapTest {

    private static AccountConfig instructor(String password) {
        return new AccountConfig() {
            public Optional<String> instructorEmail() { return Optional.of("instructor@example.org"); }
            public Optional<String> instructorPassword() { return Optional.of(password); }
            public Duration sessionLifetime() { return Duration.ofDays(1); }
            public boolean secureCookie() { return false; }
            public Login login() { return null; }
            public SignUps signUp() { return null; }
            public Optional<String> csrfKey() { return Optional.empty(); }
        };
    }

    @Test
    void anInstructorPasswordOverSeventyTwoBytesStopsTheStartWithTheReason() {
        InstructorBootstrap bootstrap = new InstructorBootstrap();
        bootstrap.config = instructor("ß".repeat(37));
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> bootstrap.onStart(null));
        assertEquals("CONVLAB_INSTRUCTOR_PASSWORD is 74 bytes long in UTF-8, but bcrypt uses only the first 72: "
                + "choose a shorter one, so that the whole password counts", e.getMessage());
    }
}
