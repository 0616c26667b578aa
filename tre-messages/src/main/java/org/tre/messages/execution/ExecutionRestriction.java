package org.tre.messages.execution;

/**
 * The execution restrictions of tre-api.md ("Execution Restrictions"), by the name a refusal gives:
 * the job keys or access requests they bar, and the rule that keeps a job inside one request.
 * ({@code singleContext} is not one: it is enforced by being recorded true, never refused.)
 */
public enum ExecutionRestriction {
    allowSSH,
    httpsApp,
    allProjects,
    projectCreation,
    sameRequest
}
