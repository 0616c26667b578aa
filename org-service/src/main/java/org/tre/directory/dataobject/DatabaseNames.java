package org.tre.directory.dataobject;

/** The set-based fact a new database is checked against: unique database names are unique for good. */
public interface DatabaseNames {

    boolean taken(String uniqueDatabaseName);
}
