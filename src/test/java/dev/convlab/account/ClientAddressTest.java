package dev.convlab.account;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ClientAddressTest {

    @Test
    void anIpv4AddressIsItsOwnKey() {
        assertEquals("203.0.113.7", ClientAddress.key("203.0.113.7"));
    }

    @Test
    void everyIpv6AddressOfOneSlash64SharesAKey() {
        assertEquals("2001:db8:1:2:0:0:0:0/64", ClientAddress.key("2001:db8:1:2::1"));
        assertEquals("2001:db8:1:2:0:0:0:0/64", ClientAddress.key("2001:db8:1:2:ffff:eeee:dddd:cccc"));
        assertEquals("2001:db8:1:3:0:0:0:0/64", ClientAddress.key("2001:db8:1:3::1"));
    }

    @Test
    void anIpv4MappedIpv6AddressIsTheIpv4Address() {
        assertEquals("203.0.113.7", ClientAddress.key("::ffff:203.0.113.7"));
    }

    @Test
    void anythingButAnAddressLiteralIsUnparsableNeverLookedUpOrLogged() {
        for (String junk : new String[] {null, "", "example.org", "1.2.3.4\nFailed login for admin", "x".repeat(200), "1.2.3.4, 5.6.7.8"}) {
            assertEquals("unparsable", ClientAddress.key(junk));
            assertEquals("unparsable", ClientAddress.printable(junk));
        }
        assertEquals("198.51.100.1", ClientAddress.printable("198.51.100.1"));
    }
}
