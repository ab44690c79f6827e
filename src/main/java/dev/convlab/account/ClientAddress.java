package dev.convlab.account;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;

/** The key a client is limited by: its IPv4 address, or the /64 of its IPv6 address, which one subscriber holds whole. */
final class ClientAddress {

    private ClientAddress() {}

    /** {@code hostAddress} is the literal the server saw (Vert.x's remote address), never a name to look up. */
    static String key(String hostAddress) {
        if (hostAddress == null || hostAddress.isBlank()) {
            return "unknown";
        }
        if (!hostAddress.contains(":")) {
            return hostAddress;
        }
        try {
            InetAddress address = InetAddress.getByName(hostAddress);
            if (address instanceof Inet6Address) {
                byte[] prefix = Arrays.copyOf(address.getAddress(), 16);
                Arrays.fill(prefix, 8, 16, (byte) 0);
                return InetAddress.getByAddress(prefix).getHostAddress() + "/64";
            }
            return address.getHostAddress();
        } catch (UnknownHostException e) {
            return hostAddress;
        }
    }
}
