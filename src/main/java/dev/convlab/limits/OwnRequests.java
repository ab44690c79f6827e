package dev.convlab.limits;

import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * Requests this node sends itself (the kernel lab's warm-up) carry a secret made for this process in {@link #HEADER},
 * and are charged to no one's rate limit. Once {@link #close}d the secret is refused like any other value.
 */
@ApplicationScoped
public class OwnRequests {

    public static final String HEADER = "X-ConvLab-Own-Request";

    private final String secret;
    private volatile boolean open = true;

    public OwnRequests() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        secret = HexFormat.of().formatHex(bytes);
    }

    public String secret() {
        return secret;
    }

    /** Whether a request's header value is this process's secret, while it is open. */
    public boolean carries(String header) {
        return open && header != null
                && MessageDigest.isEqual(header.getBytes(StandardCharsets.UTF_8), secret.getBytes(StandardCharsets.UTF_8));
    }

    public void close() {
        open = false;
    }
}
