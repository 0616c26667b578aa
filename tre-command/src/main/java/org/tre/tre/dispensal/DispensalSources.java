package org.tre.tre.dispensal;

import org.tre.messages.tre.Inventory.ObjectRef;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What a dispensal reads of the platform when it starts, read-only: the text of the file inventory, and
 * the fields of each data type group. Answered from the directory's file content and the data type
 * groups file, never by loading an aggregate.
 */
public interface DispensalSources {

    /** The file's text while it is in that live project; empty otherwise. */
    Optional<String> fileContent(String projectId, String fileId);

    /**
     * Group name → its fields, read from the data type groups file; a file that cannot be read or does
     * not conform is the TRE's InvalidState, as in getDataTypeGroups.
     */
    Map<String, Set<String>> dataTypeGroups(ObjectRef dataTypeGroups);
}
