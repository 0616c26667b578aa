package org.tre.api.operations;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;
import org.tre.api.config.StorePositions;

import java.util.OptionalLong;

/**
 * {@code tre.processor.lag{processingGroup}}: how many events each streaming processor (the side
 * effects) is behind the head of the event store. A lag that keeps growing means grants, provisioning
 * or policy synchronization are falling behind.
 */
@Component
public class ProcessorLag implements MeterBinder {

    private final EventProcessingConfiguration processing;
    private final EventStore events;

    public ProcessorLag(EventProcessingConfiguration processing, EventStore events) {
        this.processing = processing;
        this.events = events;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        processing.eventProcessors().forEach((name, processor) -> {
            if (processor instanceof StreamingEventProcessor streaming) {
                Gauge.builder("tre.processor.lag", () -> lag(streaming))
                        .tag("processingGroup", name)
                        .description("Events the processor has not handled yet")
                        .register(registry);
            }
        });
    }

    private double lag(StreamingEventProcessor processor) {
        OptionalLong head = StorePositions.head(events);
        if (head.isEmpty()) {
            return 0;
        }
        long slowest = Long.MAX_VALUE;
        for (EventTrackerStatus status : processor.processingStatus().values()) {
            OptionalLong position = status.getCurrentPosition();
            slowest = Math.min(slowest, position.orElse(-1));
        }
        return slowest == Long.MAX_VALUE ? 0 : Math.max(0, head.getAsLong() - slowest);
    }
}
