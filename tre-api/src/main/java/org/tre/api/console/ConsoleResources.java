package org.tre.api.console;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.MediaTypeFactory;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.tre.api.protocol.DxErrors;
import org.tre.messages.error.DxException;

import java.net.URI;
import java.time.Duration;
import java.util.regex.Pattern;

/**
 * The web console: the static files its build put under {@code console/} on the classpath, for GET
 * and HEAD under {@code /console/}. Only these methods are mapped here, and the pattern is more
 * specific than the dispatcher's {@code /**}, so every other method and path still reaches the
 * dispatcher and is answered as the protocol says (a POST to {@code /console/x} is "No route").
 * The console holds no server-side state: it calls the API's own routes with the token the person
 * pasted in, so it can do nothing the API would refuse.
 */
@RestController
public class ConsoleResources {

    static final String PREFIX = "/console";
    private static final String ROOT = "console/";
    /** Plain names below the root: no '..', no empty segment, no encoded or odd characters to resolve. */
    private static final Pattern FILE = Pattern.compile("[A-Za-z0-9_-][A-Za-z0-9._-]*(/[A-Za-z0-9_-][A-Za-z0-9._-]*)*");
    /**
     * The page runs only its own script and talks only to its own origin; it may not be framed, so
     * no other site can dress it up (clickjacking) around a signed-in person.
     */
    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'self'; style-src 'self';"
            + " img-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    private final DxErrors errors;

    public ConsoleResources(DxErrors errors) {
        this.errors = errors;
    }

    @GetMapping({PREFIX, PREFIX + "/", PREFIX + "/**"})
    public ResponseEntity<?> serve(HttpServletRequest http) {
        String path = http.getRequestURI().substring(PREFIX.length());
        // Relative asset addresses in index.html resolve against /console/, not against /.
        if (path.isEmpty()) {
            return ResponseEntity.status(302).location(URI.create(PREFIX + "/")).build();
        }
        String name = path.equals("/") ? "index.html" : path.substring(1);
        Resource file = new ClassPathResource(ROOT + name);
        if (!FILE.matcher(name).matches() || !file.isReadable()) {
            return errors.toResponse(DxException.notFound("No console file " + http.getRequestURI()
                    + (name.equals("index.html") ? ": this jar was built without the console" : "")));
        }
        MediaType type = MediaTypeFactory.getMediaType(file).orElse(MediaType.APPLICATION_OCTET_STREAM);
        // Vite names each asset by its content's hash, so an asset never changes under its name; the
        // page that names them must be fetched afresh to pick up a new build.
        CacheControl cache = name.startsWith("assets/")
                ? CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable()
                : CacheControl.noCache();
        return ResponseEntity.ok()
                .contentType(type)
                .cacheControl(cache)
                .header("Content-Security-Policy", CONTENT_SECURITY_POLICY)
                .header("X-Content-Type-Options", "nosniff")
                .header("Referrer-Policy", "no-referrer")
                .body(file);
    }
}
