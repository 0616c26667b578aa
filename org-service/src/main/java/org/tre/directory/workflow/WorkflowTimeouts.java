package org.tre.directory.workflow;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.time.Duration;

/**
 * How long a step of a directory workflow (an org member's removal, a project limits update, a clone
 * or removal of many objects) may take before its deadline acts; a workflow's outcome is recorded at
 * the latest at its second deadline. The route that waits for the outcome waits longer than two
 * deadlines, so it is answered by the outcome even when a deadline had to decide it.
 */
@Component
public class WorkflowTimeouts {

    /** How often a directory workflow asks its steps: once, and again at the first deadline. */
    public static final int ATTEMPTS = 2;

    private final Duration deadline;

    public WorkflowTimeouts(@Value("${tre.workflows.deadline:PT10S}") Duration deadline) {
        this.deadline = deadline;
    }

    public Duration deadline() {
        return deadline;
    }
}
