package org.tre.directory.project;

/** Whether a user an invite names exists: a port so the aggregate can check it and a fixture can fake it. */
public interface Principals {

    boolean userExists(String userId);
}
