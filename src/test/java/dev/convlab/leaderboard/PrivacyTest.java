package dev.convlab.leaderboard;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class PrivacyTest {

    @Test
    void eachSettingNamesALearnerItsWay() {
        assertEquals("Ada Lovelace", Privacy.FULL.label("Ada Lovelace", 17));
        assertEquals("A. L.", Privacy.INITIALS.label("Ada Lovelace", 17));
        assertEquals("Learner 17", Privacy.ANONYMOUS.label("Ada Lovelace", 17));
        assertEquals("Anonymous learner", Privacy.ANONYMOUS.label("Ada Lovelace", null));
    }

    @Test
    void initialsAreEachWordsFirstLetterOrDigit() {
        assertEquals("É. Z.", Privacy.initials("  élodie   zola "));
        assertEquals("S. 1.", Privacy.initials("@sum 1+1"));
        assertEquals("山.", Privacy.initials("山田"));
        assertEquals("Anonymous learner", Privacy.initials("=+- @@"));
    }

    @Test
    void settingsAreReadByTheirApiNamesOnly() {
        assertEquals(Privacy.INITIALS, Privacy.of("initials").orElseThrow());
        assertEquals(true, Privacy.of("INITIALS").isEmpty());
    }
}
