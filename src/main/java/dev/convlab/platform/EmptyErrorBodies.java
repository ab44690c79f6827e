package dev.convlab.platform;

import dev.convlab.i18n.RequestLanguage;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/** Gives a problem body, in the reader's language, to error answers that filters send without one. */
public class EmptyErrorBodies {

    @Inject
    RequestLanguage requestLanguage;

    @ServerResponseFilter
    public void describe(ContainerRequestContext request, ContainerResponseContext response) {
        if (response.getStatus() < 400 || response.hasEntity()) {
            return;
        }
        String title = StatusTitles.of(response.getStatusInfo(), requestLanguage.get());
        Problem problem = Problem.of(response.getStatus(), title, title, request.getUriInfo().getPath());
        response.setEntity(problem);
        response.getHeaders().putSingle("Content-Type", Problem.MEDIA_TYPE);
    }
}
