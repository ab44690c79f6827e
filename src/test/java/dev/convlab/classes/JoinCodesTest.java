package dev.convlab.classes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class JoinCodesTest {

    @Test
    void aCodeIsTenBase32CharactersThatIsFiftyBits() {
        Set<String> codes = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            String code = JoinCodes.generate();
            assertTrue(code.matches("[0-9ABCDEFGHJKMNPQRSTVWXYZ]{10}"), code);
            codes.add(code);
        }
        assertEquals(10_000, codes.size());
        assertEquals(50.0, JoinCodes.LENGTH * Math.log(JoinCodes.ALPHABET.length()) / Math.log(2), 1e-9);
    }

    @Test
    void typedCodesAreReadForgivinglyAndAnythingElseIsNoCode() {
        assertEquals(Optional.of("AB01CDEF11"), JoinCodes.normalize(" ab0l-cdef iI "));
        assertEquals(Optional.of("AB00CDEF11"), JoinCodes.normalize("ABoO-CDEF11"));
        assertEquals(Optional.empty(), JoinCodes.normalize("ABCDE-FGHJ"));
        assertEquals(Optional.empty(), JoinCodes.normalize("ABCDE-FGHJU"));
        assertEquals(Optional.empty(), JoinCodes.normalize("ABCDE/FGHJK"));
        assertEquals(Optional.empty(), JoinCodes.normalize(null));
        assertEquals(Optional.empty(), JoinCodes.normalize("A".repeat(41)));
        assertEquals("ABCDE-FGHJK", JoinCodes.display("ABCDEFGHJK"));
    }
}
