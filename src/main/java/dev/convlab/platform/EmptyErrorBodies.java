package dev.convlab.platform;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/** Gives a problem body to error answers that filters send without one. */
public class EmptyErrorBodies {

    @ServerResponseFilter
    public void describe(ContainerRequestContext request, ContainerResponseContext response) {
        if (response.getStatus() < 400 || response.hasEntity()) {
            return;
        }
        String reason = response.getStatusInfo().getReasonPhrase();
        Problem problem = Problem.of(response.getStatus(), reason, reason, request.getUriInfo().getPath());
        response.setEntity(problem);
        response.getHeaders().putSingle("Content-Type", Problem.MEDIA_TYPE);
    }
}
