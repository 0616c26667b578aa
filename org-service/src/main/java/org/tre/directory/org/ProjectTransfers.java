package org.tre.directory.org;

import java.util.List;

/** The projects offered to an org as their new billing account, for its ADMINs' describe. */
public interface ProjectTransfers {

    List<String> projectsOfferedTo(String orgId);
}
