package org.tre.messages.dataobject;

import java.util.List;

/** What other contexts may ask the directory about data objects, and its answers. */
public final class DataObjectQueries {

    private DataObjectQueries() {
    }

    /** Answered with {@link DataObjectFacts}; nothing when no live project holds the object. */
    public record FindDataObjectQuery(String objectId) {
    }

    /** Answered with the database's {@link DataObjectFacts}, or nothing. */
    public record FindDatabaseByUniqueNameQuery(String uniqueDatabaseName) {
    }

    /** Answered with the file's content as a String (UTF-8), or nothing for an unknown file. */
    public record ReadFileContentQuery(String fileId) {
    }

    /**
     * @param projects the live projects that hold the object, in the order it joined them
     * @param types    a record's types; empty for other classes
     */
    public record DataObjectFacts(String id,
                                  DataObjectClass objectClass,
                                  List<String> projects,
                                  String name,
                                  List<String> types,
                                  String uniqueDatabaseName,
                                  long created) {
    }
}
