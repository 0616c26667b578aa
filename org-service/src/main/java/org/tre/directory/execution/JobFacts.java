package org.tre.directory.execution;

import java.util.List;
import java.util.Map;

/** A job as describe and findExecutions show it; {@code input} and {@code details} are JSON text. */
public record JobFacts(String id, String appletId, String appletProject, String executableName, String projectId,
                       String folder, String name, String input, List<String> allowSSH, List<String> tags,
                       Map<String, String> properties, String details, String treId, String launchedBy,
                       String state, long created, long modified) {
}
