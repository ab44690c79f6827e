package dev.convlab.account;

import io.quarkus.security.identity.request.BaseAuthenticationRequest;

/** The token a browser's session cookie carries, to be turned into an identity. */
public class SessionTokenRequest extends BaseAuthenticationRequest {

    private final String token;

    public SessionTokenRequest(String token) {
        this.token = token;
    }

    public String token() {
        return token;
    }
}
