package org.tre.directory.org;

import org.springframework.stereotype.Component;

import java.util.List;

/** Projects offered to an org for billing. Until projects exist in the directory no project is offered. */
@Component
public class DirectoryProjectTransfers implements ProjectTransfers {

    @Override
    public List<String> projectsOfferedTo(String orgId) {
        return List.of();
    }
}
