package org.tre.directory.org;

/** Whether anything is still billed to an org: an org with projects or apps cannot be destroyed. */
public interface BilledResources {

    boolean anyBilledTo(String orgId);
}
