package dev.convlab.account;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.regex.Pattern;

/** The key a client is limited by: its IPv4 address, or the /64 of its IPv6 address, which one subscriber holds whole. */
public final class ClientAddress {

    private static final Pattern LITERAL = Pattern.compile("[0-9A-Fa-f:.]{2,45}");

    private ClientAddress() {}

    /**
     * {@code hostAddress} is what the server saw (Vert.x's remote address, or what a trusted proxy forwarded): an
     * IPv4 or IPv6 literal, never a name to look up. Anything else is "unparsable", so it can neither grow a key nor
     * write into a log line.
     */
    public static String key(String hostAddress) {
        if (hostAddress == null || !LITERAL.matcher(hostAddress).matches()) {
            return "unparsable";
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

    /** The address as a log line may show it: the literal itself, or "unparsable". */
    static String printable(String hostAddress) {
        return hostAddress != null && LITERAL.matcher(hostAddress).matches() ? hostAddress : "unparsable";
    }
}
