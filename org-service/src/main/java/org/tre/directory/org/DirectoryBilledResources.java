package org.tre.directory.org;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.tre.directory.project.ProjectDirectory;

/** Counts what is billed to an org straight from the directory's tables. */
@Component
public class DirectoryBilledResources implements BilledResources {

    private final JdbcTemplate jdbc;
    private final ProjectDirectory projects;

    public DirectoryBilledResources(JdbcTemplate jdbc, ProjectDirectory projects) {
        this.jdbc = jdbc;
        this.projects = projects;
    }

    @Override
    public boolean anyBilledTo(String orgId) {
        Integer apps = jdbc.queryForObject("SELECT COUNT(*) FROM directory_app WHERE bill_to = ?", Integer.class, orgId);
        return (apps != null && apps > 0) || projects.countBilledTo(orgId) > 0;
    }
}
