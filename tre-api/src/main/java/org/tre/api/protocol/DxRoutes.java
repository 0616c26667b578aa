package org.tre.api.protocol;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The route table. A route is {@code /class/verb} ({@code /user/new}, {@code /system/whoami}) or
 * {@code /class-id/verb} ({@code /user-alice/describe}), registered as {@code "user/new"} or
 * {@code "user-*}{@code /describe"}.
 */
public final class DxRoutes {

    @FunctionalInterface
    public interface Handler {
        ObjectNode handle(DxRequest request);
    }

    /** Features add their routes here; tre-api collects every provider. */
    public interface Provider {
        void register(DxRoutes routes);
    }

    public record Match(Handler handler, String entityId, String key) {
    }

    private final Map<String, Handler> handlers = new HashMap<>();

    public DxRoutes post(String key, Handler handler) {
        if (handlers.putIfAbsent(key, handler) != null) {
            throw new IllegalStateException("Route registered twice: " + key);
        }
        return this;
    }

    public Optional<Match> match(String path) {
        String[] parts = path.split("/", -1);
        if (parts.length != 3 || !parts[0].isEmpty() || parts[1].isEmpty() || parts[2].isEmpty()) {
            return Optional.empty();
        }
        String target = parts[1];
        String verb = parts[2];
        int dash = target.indexOf('-');
        if (dash < 0) {
            String key = target + "/" + verb;
            return Optional.ofNullable(handlers.get(key)).map(h -> new Match(h, null, key));
        }
        if (dash == target.length() - 1) {
            return Optional.empty();
        }
        String key = target.substring(0, dash) + "-*/" + verb;
        return Optional.ofNullable(handlers.get(key)).map(h -> new Match(h, target, key));
    }
}
