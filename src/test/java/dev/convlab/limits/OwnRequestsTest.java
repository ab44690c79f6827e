package dev.convlab.limits;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class OwnRequestsTest {

    @Test
    void onlyThisProcesssSecretPassesAndOnlyUntilClosed() {
        OwnRequests own = new OwnRequests();
        assertEquals(64, own.secret().length());
        assertNotEquals(own.secret(), new OwnRequests().secret());
        assertTrue(own.carries(own.secret()));
        assertFalse(own.carries(null));
        assertFalse(own.carries(""));
        assertFalse(own.carries(new OwnRequests().secret()));
        assertFalse(own.carries(own.secret().substring(1)));
        own.close();
        assertFalse(own.carries(own.secret()));
    }
}
