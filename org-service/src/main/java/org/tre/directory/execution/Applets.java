package org.tre.directory.execution;

import java.util.Optional;

/** The applets a run names, as the Job reads them: never by loading an Applet. */
public interface Applets {

    Optional<AppletFacts> find(String appletId);
}
