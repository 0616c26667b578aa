package org.tre.tre.request;

/**
 * The routes on an existing data access request, by the verb of their URL; {@code change}: the route
 * changes the request, so it needs a full-scope token (DECISIONS.md §15). {@code history} reads, but as
 * an audit route it needs one too (DECISIONS.md §13).
 */
public enum RequestVerb {
    describe(false, false),
    describeCohortMetadata(false, false),
    history(false, true),
    update(true, true),
    createCohortMetadata(true, true),
    updateCohortMetadata(true, true),
    addCollaborators(true, true),
    removeCollaborators(true, true),
    submit(true, true),
    approve(true, true),
    reject(true, true),
    delete(true, true),
    /** {@code /project/new {"treApplication"}}: not a route on the request, so describe does not list it. */
    createProject(true, true),
    dispense(true, true);

    private final boolean change;
    private final boolean fullScope;

    RequestVerb(boolean change, boolean fullScope) {
        this.change = change;
        this.fullScope = fullScope;
    }

    public boolean change() {
        return change;
    }

    /** Called as {@code /treApplication-xxxx/<verb>}, so describe's {@code permissions} may name it. */
    public boolean onTheRequest() {
        return this != createProject;
    }

    public boolean needsFullScope() {
        return fullScope;
    }
}
