package dev.convlab.platform;

import io.mvnpm.importmap.Aggregator;
import io.quarkus.qute.RawString;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import java.nio.charset.StandardCharsets;

/**
 * The import map of the mvnpm libraries and {@code app/}, written into each page's head. Quarkus's
 * {@code /_importmap/generated_importmap.js} would add it as a script-built inline script, which a
 * Content-Security-Policy without {@code 'unsafe-inline'} blocks; inline in the page, its hash allows exactly it.
 */
@ApplicationScoped
@Named("importMap")
public class ImportMap {

    private final String json;

    public ImportMap() {
        Aggregator aggregator = new Aggregator();
        aggregator.addMapping("app/", "/app/");
        json = aggregator.aggregateAsJson(true);
    }

    /** The map as the page's {@code <script type="importmap">} holds it, unescaped. */
    public RawString json() {
        return new RawString(json);
    }

    /** The CSP source that allows this map and no other inline script. */
    public String scriptHash() {
        return "'sha256-" + Sha256.base64(json.getBytes(StandardCharsets.UTF_8)) + "'";
    }
}
