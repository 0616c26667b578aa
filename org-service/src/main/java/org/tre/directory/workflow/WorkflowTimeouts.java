package org.tre.directory.workflow;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.time.Duration;

/**
 * How long a directory workflow (an org member's removal, a clone or removal of many objects) may
 * run before its deadline ends it. The route that waits for its outcome waits longer than this, so
 * it is answered by the outcome, even when the deadline had to decide it.
 */
@Component
public class WorkflowTimeouts {

    private final Duration deadline;

    public WorkflowTimeouts(@Value("${tre.workflows.deadline:PT20S}") Duration deadline) {
        this.deadline = deadline;
    }

    public Duration deadline() {
        return deadline;
    }
}
