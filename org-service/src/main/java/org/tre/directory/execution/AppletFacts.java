package org.tre.directory.execution;

import org.tre.messages.execution.AppletMessages.AppletSpec;

import java.util.List;
import java.util.Map;

/** An applet as describe shows it and a run is decided on. */
public record AppletFacts(String id, String projectId, String folder, String name, AppletSpec spec, String title,
                          String summary, String description, List<String> tags, Map<String, String> properties,
                          String createdBy, long created) {
}
