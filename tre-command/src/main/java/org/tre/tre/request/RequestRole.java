package org.tre.tre.request;

/**
 * The roles DECISIONS.md §15 gives on a data access request. A caller may hold several (a collaborator
 * who also reviews for the TRE); what they may do is what any of their roles may.
 */
public enum RequestRole {
    /** Whose request it is. */
    APPLICANT,
    /** Named by the applicant to work on it. */
    COLLABORATOR,
    /** Sits on a review step of the request's TRE now. */
    REVIEWER,
    /** An admin of the request's TRE now. */
    TRE_ADMIN,
    /** The platform's operator, who reads everything and changes nothing. */
    OPERATOR
}
