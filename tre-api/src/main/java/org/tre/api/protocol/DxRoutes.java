package org.tre.api.protocol;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.tre.api.protocol.input.DeclaredInputs;
import org.tre.messages.error.ErrorType;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The route table. A route is {@code /class/verb} ({@code /user/new}, {@code /system/whoami}) or
 * {@code /class-id/verb} ({@code /user-alice/describe}), registered as {@code "user/new"} or
 * {@code "user-*}{@code /describe"}. A route declares its input as a record, bound and checked by
 * {@link DeclaredInputs} before its handler runs, and the refusals its handler may answer beyond
 * the ones every route shares; both go into the OpenAPI document.
 */
public final class DxRoutes {

    @FunctionalInterface
    public interface Handler {
        ObjectNode handle(DxRequest request);
    }

    /** A handler of a route with a declared input: it receives the body already bound and checked. */
    @FunctionalInterface
    public interface DeclaredHandler<T extends Record> {
        ObjectNode handle(DxRequest request, T input);
    }

    /** Features add their routes here; tre-api collects every provider. */
    public interface Provider {
        void register(DxRoutes routes);
    }

    public record Match(Handler handler, String entityId, String key) {
    }

    /** One registered route: its declared input, and the error types its own checks answer. */
    public record Route(String key, Handler handler, Class<? extends Record> input, List<ErrorType> refusals) {
    }

    private final DeclaredInputs inputs;
    private final Map<String, Route> routes = new LinkedHashMap<>();

    public DxRoutes(DeclaredInputs inputs) {
        this.inputs = inputs;
    }

    public <T extends Record> DxRoutes post(String key, Class<T> input, DeclaredHandler<T> handler,
                                            ErrorType... refusals) {
        Handler bound = request -> handler.handle(request, inputs.read(request.input().raw(), input));
        return add(new Route(key, bound, input, List.of(refusals)));
    }

    private DxRoutes add(Route route) {
        if (routes.putIfAbsent(route.key(), route) != null) {
            throw new IllegalStateException("Route registered twice: " + route.key());
        }
        return this;
    }

    /** Every route, in the order they were registered. */
    public Collection<Route> all() {
        return Collections.unmodifiableCollection(routes.values());
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
            return Optional.ofNullable(routes.get(key)).map(r -> new Match(r.handler(), null, key));
        }
        if (dash == target.length() - 1) {
            return Optional.empty();
        }
        String key = target.substring(0, dash) + "-*/" + verb;
        return Optional.ofNullable(routes.get(key)).map(r -> new Match(r.handler(), target, key));
    }
}
