package org.tre.messages.tre;

import java.util.List;

/** One inventory version as {@code setInventory} gives it (tre-api.md "TRE Inventory"). */
public record Inventory(String version,
                        ObjectRef file,
                        ObjectRef dataset,
                        ObjectRef showcase,
                        ObjectRef dataTypeGroups,
                        List<Assay> assays) {

    /** A project and an object in it; both null for the empty mapping {@code {}}. */
    public record ObjectRef(String project, String id) {

        public static final ObjectRef NONE = new ObjectRef(null, null);

        public boolean isEmpty() {
            return project == null && id == null;
        }
    }

    public record Assay(String entity, String project, String workingProject, String dataset,
                        String assayPidMapDatabase) {
    }

    public enum VersionState {
        pending,
        active,
        inactive
    }
}
