package dev.convlab.platform;

import io.quarkus.arc.Arc;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The methods each path of the API answers, for the {@code Allow} header of a 405 (RFC 9110 requires it; Quarkus REST
 * leaves it out). Read once from the resource classes' annotations.
 */
@ApplicationScoped
public class AllowedMethods {

    private static final Pattern PARAMETER = Pattern.compile("\\{\\s*\\w[\\w.-]*\\s*(?::\\s*((?:[^{}]|\\{[^{}]*})*))?}");

    private record Route(Pattern path, String method) {}

    private volatile List<Route> routes;

    /** The methods that some resource answers at this path, with HEAD beside GET; empty when none does. */
    public Set<String> at(String path) {
        Set<String> allowed = new TreeSet<>();
        for (Route route : routes()) {
            if (route.path().matcher(path).matches()) {
                allowed.add(route.method());
                if (route.method().equals("GET")) {
                    allowed.add("HEAD");
                }
            }
        }
        return allowed;
    }

    private List<Route> routes() {
        if (routes == null) {
            List<Route> found = new ArrayList<>();
            for (Bean<?> bean : Arc.container().beanManager().getBeans(Object.class)) {
                Path root = bean.getBeanClass().getAnnotation(Path.class);
                if (root != null && bean.getBeanClass().getName().startsWith("dev.convlab.")) {
                    for (Method method : bean.getBeanClass().getMethods()) {
                        Path sub = method.getAnnotation(Path.class);
                        String template = join(root.value(), sub == null ? "" : sub.value());
                        httpMethod(method).ifPresent(http -> found.add(new Route(pattern(template), http)));
                    }
                }
            }
            routes = found;
        }
        return routes;
    }

    private static Optional<String> httpMethod(Method method) {
        for (Annotation annotation : method.getAnnotations()) {
            HttpMethod http = annotation.annotationType().getAnnotation(HttpMethod.class);
            if (http != null) {
                return Optional.of(http.value());
            }
        }
        return Optional.empty();
    }

    static String join(String root, String sub) {
        String joined = ("/" + root + "/" + sub).replaceAll("/+", "/");
        return joined.length() > 1 && joined.endsWith("/") ? joined.substring(0, joined.length() - 1) : joined;
    }

    /** A JAX-RS path template as a regular expression: {@code {id}} is one segment, {@code {id: \d+}} its own pattern. */
    static Pattern pattern(String template) {
        StringBuilder regex = new StringBuilder();
        Matcher parameter = PARAMETER.matcher(template);
        int last = 0;
        while (parameter.find()) {
            regex.append(Pattern.quote(template.substring(last, parameter.start())));
            regex.append('(').append(parameter.group(1) == null ? "[^/]+" : parameter.group(1).strip()).append(')');
            last = parameter.end();
        }
        regex.append(Pattern.quote(template.substring(last))).append("/?");
        return Pattern.compile(regex.toString());
    }
}
