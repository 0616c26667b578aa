package org.tre.messages.dataobject;

import java.util.Optional;

/** The data object classes the directory keeps; the wire name is the id prefix and the {@code class} field. */
public enum DataObjectClass {
    FILE("file"),
    RECORD("record"),
    DATABASE("database");

    private final String wireName;

    DataObjectClass(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static Optional<DataObjectClass> ofId(String id) {
        if (id == null) {
            return Optional.empty();
        }
        for (DataObjectClass c : values()) {
            if (id.startsWith(c.wireName + "-")) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }
}
