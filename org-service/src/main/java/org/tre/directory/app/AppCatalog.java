package org.tre.directory.app;

import java.util.List;

/** The set-based facts a new app version is checked against: versions of one name share developers. */
public interface AppCatalog {

    boolean versionExists(String name, String version);

    /** The developers of the newest version of the app with this name; empty when no such app exists. */
    List<String> developersOf(String name);
}
