package dev.convlab.platform;

import dev.convlab.i18n.Text;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.MultivaluedMap;
import java.util.List;
import java.util.Map;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Refuses a control character (U+0000–U+001F, U+007F–U+009F) in the decoded path or query with a 400 naming where
 * it was, before any resource sees it: PostgreSQL rejects NUL, and no path or query here has a use for the others.
 */
public class ControlCharacterFilter {

    private static final Text NO_CONTROL_CHARACTERS = Text.of(PlatformErrors.class, PlatformErrors::noControlCharacters);

    @ServerRequestFilter(preMatching = true)
    public void refuseControlCharacters(ContainerRequestContext request) {
        if (hasControl(request.getUriInfo().getPath())) {
            throw ProblemException.badField("path", NO_CONTROL_CHARACTERS);
        }
        MultivaluedMap<String, String> query = request.getUriInfo().getQueryParameters();
        for (Map.Entry<String, List<String>> parameter : query.entrySet()) {
            if (hasControl(parameter.getKey()) || parameter.getValue().stream().anyMatch(ControlCharacterFilter::hasControl)) {
                throw ProblemException.badField(hasControl(parameter.getKey()) ? "query" : parameter.getKey(), NO_CONTROL_CHARACTERS);
            }
        }
    }

    private static boolean hasControl(String text) {
        return text != null && text.chars().anyMatch(Character::isISOControl);
    }
}
