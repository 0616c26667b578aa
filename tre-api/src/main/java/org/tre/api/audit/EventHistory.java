package org.tre.api.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;
import org.tre.api.protocol.Paging;
import org.tre.directory.audit.AuditContext;
import org.tre.messages.error.DxException;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The events of one entity, read from the event store itself (from sequence 0, never from a
 * snapshot), as the audit routes of DECISIONS.md §13 show them. Events hold no token and no token
 * hash by design, so {@code data} is each event's fields as they are.
 */
@Component
public class EventHistory {

    private final EventStore events;
    private final ObjectMapper json;

    public EventHistory(EventStore events, ObjectMapper json) {
        this.events = events;
        this.json = json;
    }

    /** Every event of the aggregate, oldest first. */
    public List<DomainEventMessage<?>> of(String aggregateId) {
        List<DomainEventMessage<?>> all = new ArrayList<>();
        DomainEventStream stream = events.readEvents(aggregateId, 0);
        stream.forEachRemaining(all::add);
        return all;
    }

    /** The page an audit route asks for; made before any lookup, so a wrong {@code starting} is refused first. */
    public record Page(Long after, Long before, Set<String> types, long starting, long limit) {

        public static Page of(AuditInputs.HistoryInput in) {
            return new Page(in.after(), in.before(), in.types() == null ? null : new LinkedHashSet<>(in.types()),
                    startingOf(in.starting()), in.limit() == null ? Paging.MAX_LIMIT : in.limit());
        }
    }

    /** {@code /…/history}: filters after/before (inclusive) and types, then the paging contract. */
    public ObjectNode page(String aggregateId, Page page) {
        List<DomainEventMessage<?>> matching = of(aggregateId).stream()
                .filter(e -> e.getSequenceNumber() >= page.starting())
                .filter(e -> page.after() == null || e.getTimestamp().toEpochMilli() >= page.after())
                .filter(e -> page.before() == null || e.getTimestamp().toEpochMilli() <= page.before())
                .filter(e -> page.types() == null || page.types().contains(typeOf(e)))
                .toList();
        ArrayNode results = json.createArrayNode();
        matching.stream().limit(page.limit()).forEach(e -> results.add(render(e)));
        ObjectNode out = json.createObjectNode();
        out.set("results", results);
        if (matching.size() > page.limit()) {
            out.set("next", json.createObjectNode().put("sequence",
                    matching.get((int) page.limit()).getSequenceNumber()));
        } else {
            out.putNull("next");
        }
        return out;
    }

    public ObjectNode render(DomainEventMessage<?> event) {
        ObjectNode result = json.createObjectNode();
        result.put("sequence", event.getSequenceNumber());
        result.put("type", typeOf(event));
        result.put("timestamp", event.getTimestamp().toEpochMilli());
        Object userId = event.getMetaData().get(AuditContext.USER_ID);
        Object requestId = event.getMetaData().get(AuditContext.REQUEST_ID);
        result.put("userId", userId == null ? null : userId.toString());
        result.put("requestId", requestId == null ? null : requestId.toString());
        result.set("data", json.valueToTree(event.getPayload()));
        return result;
    }

    /** The event's class name, as DECISIONS.md §13 names it: {@code TrePoliciesSetEvent}. */
    public static String typeOf(DomainEventMessage<?> event) {
        return event.getPayloadType().getSimpleName();
    }

    private static long startingOf(JsonNode starting) {
        if (starting == null || starting.isNull()) {
            return 0;
        }
        if (starting.isIntegralNumber()) {
            return starting.longValue();
        }
        if (starting.isObject() && starting.path("sequence").isIntegralNumber()) {
            return starting.get("sequence").longValue();
        }
        throw DxException.invalidInput("'starting' must be the 'next' value of the previous page");
    }
}
