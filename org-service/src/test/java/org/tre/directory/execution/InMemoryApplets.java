package org.tre.directory.execution;

import org.tre.messages.execution.AppletMessages.AppletSpec;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The applets a run may name, held in memory. */
final class InMemoryApplets implements Applets {

    private final Map<String, AppletFacts> applets = new HashMap<>();

    InMemoryApplets add(String appletId, String projectId, String name, AppletSpec spec) {
        applets.put(appletId, new AppletFacts(appletId, projectId, "/", name, spec, null, null, null, List.of(),
                Map.of(), "user-author", 0));
        return this;
    }

    @Override
    public Optional<AppletFacts> find(String appletId) {
        return Optional.ofNullable(applets.get(appletId));
    }
}
