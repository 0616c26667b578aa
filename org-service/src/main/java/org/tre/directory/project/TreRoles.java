package org.tre.directory.project;

/** What a project of a TRE needs to know about that TRE's roles; answered by the TRE's read model. */
public interface TreRoles {

    boolean isTreAdmin(String treId, String userId);
}
