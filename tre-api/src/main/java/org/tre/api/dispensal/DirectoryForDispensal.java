package org.tre.api.dispensal;

import org.springframework.stereotype.Component;
import org.tre.api.tre.DataTypeGroups;
import org.tre.api.tre.DirectoryForTre;
import org.tre.messages.tre.Inventory.ObjectRef;
import org.tre.tre.dispensal.DispensalSources;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** A dispensal's reads of the file inventory and the data type groups, from the directory's tables. */
@Component
public class DirectoryForDispensal implements DispensalSources {

    private final DirectoryForTre files;
    private final DataTypeGroups groups;

    public DirectoryForDispensal(DirectoryForTre files, DataTypeGroups groups) {
        this.files = files;
        this.groups = groups;
    }

    @Override
    public Optional<String> fileContent(String projectId, String fileId) {
        return files.content(projectId, fileId);
    }

    @Override
    public Map<String, Set<String>> dataTypeGroups(ObjectRef dataTypeGroups) {
        return groups.groupFields(dataTypeGroups.project(), dataTypeGroups.id());
    }
}
