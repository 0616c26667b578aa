package org.tre.query.tre;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.tre.messages.tre.Inventory;
import org.tre.messages.tre.Inventory.Assay;
import org.tre.messages.tre.Inventory.ObjectRef;
import org.tre.messages.tre.TreEvents.TreActivatedEvent;
import org.tre.messages.tre.TreEvents.TreCreatedEvent;
import org.tre.messages.tre.TreEvents.TreInventorySetEvent;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The TRE events the read side tests feed in, with the ids they name. */
final class TreEventsFixture {

    static final String TRE = "tre-genomics";
    static final String ALICE = "user-alice";
    static final String BOB = "user-bob";
    static final String CAROL = "user-carol";
    static final String DORA = "user-dora";
    static final String ORG = "org-partner";
    static final String DATA_PROJECT = "project-data";
    static final String SHOWCASE_PROJECT = "project-showcase";
    static final String ASSAY_PROJECT = "project-assay";
    static final String ASSAY_WORKING_PROJECT = "project-assay-work";

    private TreEventsFixture() {
    }

    static TreCreatedEvent created(String treId, String creator) {
        return new TreCreatedEvent(treId, treId.substring("tre-".length()), "Genomics", "All of it", "Some of it",
                "org-bill", "aws:us-east-1", true, false, creator);
    }

    /** A file, no dataset, a showcase record, no data type groups and one assay. */
    static Inventory inventory(String version) {
        return new Inventory(version, new ObjectRef(DATA_PROJECT, "file-" + version), ObjectRef.NONE,
                new ObjectRef(SHOWCASE_PROJECT, "record-" + version), null,
                List.of(new Assay("sample", ASSAY_PROJECT, ASSAY_WORKING_PROJECT, "record-assay", "pids")));
    }

    static TreInventorySetEvent inventorySet(String version, boolean replacedPending) {
        return new TreInventorySetEvent(TRE, inventory(version), replacedPending);
    }

    static TreActivatedEvent activated(String activatedVersion, String deactivatedVersion) {
        return new TreActivatedEvent(TRE, activatedVersion, deactivatedVersion, "org-bill", "aws:us-east-1");
    }

    static Instant at(long millis) {
        return Instant.ofEpochMilli(millis);
    }

    /** One TRE's events as the store hands them out: numbered from 0, each with its time. */
    static final class History {
        private final String treId;
        private final List<DomainEventMessage<?>> events = new ArrayList<>();

        History(String treId) {
            this.treId = treId;
        }

        History at(long millis, Object event) {
            events.add(new GenericDomainEventMessage<>("Tre", treId, events.size(), event, Map.of(),
                    UUID.randomUUID().toString(), Instant.ofEpochMilli(millis)));
            return this;
        }

        List<DomainEventMessage<?>> events() {
            return List.copyOf(events);
        }
    }
}
