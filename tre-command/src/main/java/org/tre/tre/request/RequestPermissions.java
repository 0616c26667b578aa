package org.tre.tre.request;

import org.tre.messages.Requester;
import org.tre.messages.error.DxException;
import org.tre.messages.request.RequestState;

import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.tre.messages.request.RequestState.approved;
import static org.tre.messages.request.RequestState.draft;
import static org.tre.messages.request.RequestState.in_review;
import static org.tre.messages.request.RequestState.in_revision;
import static org.tre.tre.request.RequestRole.APPLICANT;
import static org.tre.tre.request.RequestRole.COLLABORATOR;
import static org.tre.tre.request.RequestRole.OPERATOR;
import static org.tre.tre.request.RequestRole.REVIEWER;
import static org.tre.tre.request.RequestRole.TRE_ADMIN;
import static org.tre.tre.request.RequestVerb.addCollaborators;
import static org.tre.tre.request.RequestVerb.approve;
import static org.tre.tre.request.RequestVerb.createCohortMetadata;
import static org.tre.tre.request.RequestVerb.createProject;
import static org.tre.tre.request.RequestVerb.dispense;
import static org.tre.tre.request.RequestVerb.delete;
import static org.tre.tre.request.RequestVerb.describe;
import static org.tre.tre.request.RequestVerb.describeCohortMetadata;
import static org.tre.tre.request.RequestVerb.history;
import static org.tre.tre.request.RequestVerb.reject;
import static org.tre.tre.request.RequestVerb.removeCollaborators;
import static org.tre.tre.request.RequestVerb.submit;
import static org.tre.tre.request.RequestVerb.update;
import static org.tre.tre.request.RequestVerb.updateCohortMetadata;

/**
 * Who may do what to a data access request, in which state (DECISIONS.md §15 "Who may do what"): one
 * table, each row a sentence of it. Every command asks it once, in the order of DECISIONS.md §1: does
 * any of the caller's roles have a row for the verb ({@code PermissionDenied} otherwise), does the
 * token reach ({@code PermissionDenied}), does a row of theirs allow the request's state
 * ({@code InvalidState}). Describe's {@code permissions} are read from the same rows, so what a caller
 * is told they may do and what the request lets them do cannot differ.
 *
 * <p>Rules the table cannot hold sit beside it, named: separation of duties (SeparationOfDuties), the
 * step a reviewer is assigned to now (ReviewRound), the TRE's state (RequestTre), the cohort's
 * existence (Cohort).
 */
public final class RequestPermissions {

    /** Draft and in-revision: the request is the applicant's to change. */
    public static final Set<RequestState> EDITABLE = EnumSet.of(draft, in_revision);
    /** Every state, the tombstone's included: a deleted request's history stays readable. */
    public static final Set<RequestState> ANY = EnumSet.allOf(RequestState.class);

    /** One row: {@code role} may call each of {@code verbs} while the request is in one of {@code states}. */
    public record Grant(String rule, RequestRole role, Set<RequestState> states, Set<RequestVerb> verbs) {
    }

    public static final List<Grant> TABLE = List.of(
            grant("The applicant may edit in draft and in-revision: its text, its cohort and its collaborators;"
                    + " submit it; delete it", APPLICANT, EDITABLE,
                    update, createCohortMetadata, updateCohortMetadata, addCollaborators, submit, delete),
            grant("The applicant may read it and remove collaborators in any state", APPLICANT, ANY,
                    describe, describeCohortMetadata, history, removeCollaborators),
            grant("Collaborators may read it; they do not edit", COLLABORATOR, ANY,
                    describe, describeCohortMetadata, history),
            grant("Once it is approved, the applicant and collaborators may create its projects and dispense"
                    + " into them", APPLICANT, EnumSet.of(approved), createProject, dispense),
            grant("Once it is approved, the applicant and collaborators may create its projects and dispense"
                    + " into them", COLLABORATOR, EnumSet.of(approved), createProject, dispense),
            grant("Reviewers of the TRE may read every request of the TRE", REVIEWER, ANY,
                    describe, describeCohortMetadata, history),
            grant("Reviewers of the TRE may update drafts", REVIEWER, EnumSet.of(draft), update),
            grant("Reviewers decide the steps they are assigned to, while the request is in review", REVIEWER,
                    EnumSet.of(in_review), approve, reject),
            grant("TRE admins may read every request of their TRE; they decide only as a step's reviewer",
                    TRE_ADMIN, ANY, describe, describeCohortMetadata, history),
            grant("The operator reads everything", OPERATOR, ANY, describe, describeCohortMetadata, history));

    private RequestPermissions() {
    }

    private static Grant grant(String rule, RequestRole role, Set<RequestState> states, RequestVerb... verbs) {
        return new Grant(rule, role, Set.copyOf(states), Set.copyOf(Arrays.asList(verbs)));
    }

    /** Role, then scope, then state: DECISIONS.md §1 steps 4 and 5 for one verb. */
    public static void require(RequestVerb verb, Set<RequestRole> roles, Requester requester, RequestState state,
                               String requestId) {
        requireRole(verb, roles, requestId);
        requireScope(verb, requester);
        requireState(verb, roles, state, requestId);
    }

    public static void requireRole(RequestVerb verb, Set<RequestRole> roles, String requestId) {
        if (rows(verb, roles).isEmpty()) {
            throw DxException.permissionDenied("You may not " + verb + " " + requestId + ": " + whoMay(verb));
        }
    }

    public static void requireScope(RequestVerb verb, Requester requester) {
        if (verb.needsFullScope() && !requester.fullScope()) {
            throw DxException.permissionDenied("The requesting user must use a full-scope token");
        }
    }

    public static void requireState(RequestVerb verb, Set<RequestRole> roles, RequestState state, String requestId) {
        List<Grant> rows = rows(verb, roles);
        if (rows.stream().noneMatch(row -> row.states().contains(state))) {
            Set<RequestState> states = new LinkedHashSet<>();
            for (RequestState each : RequestState.values()) {
                if (rows.stream().anyMatch(row -> row.states().contains(each))) {
                    states.add(each);
                }
            }
            throw DxException.invalidState("You may " + verb + " " + requestId + " only in "
                    + states.stream().map(RequestState::wire).collect(Collectors.joining(" or "))
                    + "; it is " + state.wire());
        }
    }

    /** Whether any of the roles may call the verb in the state, as far as the table goes. */
    public static boolean allows(RequestVerb verb, Collection<RequestRole> roles, RequestState state) {
        return rows(verb, roles).stream().anyMatch(row -> row.states().contains(state));
    }

    /** Whether any of the roles has a row for the verb at all: may the caller ever call it. */
    public static boolean mayEver(RequestVerb verb, Collection<RequestRole> roles) {
        return !rows(verb, roles).isEmpty();
    }

    /**
     * Describe's {@code permissions}: the verbs the caller may call on the request now, in the table's
     * verb order. The table's verbs for their roles in this state, less what the rules beside it would
     * refuse: a token that does not reach, submit while the TRE is not active, the cohort route that
     * does not fit, a decision where no pending step of the round is theirs to decide.
     */
    public static List<RequestVerb> permittedNow(Set<RequestRole> roles, RequestState state, boolean fullScope,
                                                 boolean treActive, boolean hasCohort, boolean decidesAPendingStep) {
        return Arrays.stream(RequestVerb.values())
                .filter(RequestVerb::onTheRequest)
                .filter(verb -> allows(verb, roles, state))
                .filter(verb -> fullScope || !verb.needsFullScope())
                .filter(verb -> verb != submit || treActive)
                .filter(verb -> verb != createCohortMetadata || !hasCohort)
                .filter(verb -> verb != updateCohortMetadata || hasCohort)
                .filter(verb -> (verb != approve && verb != reject) || decidesAPendingStep)
                .toList();
    }

    private static List<Grant> rows(RequestVerb verb, Collection<RequestRole> roles) {
        return TABLE.stream().filter(row -> roles.contains(row.role()) && row.verbs().contains(verb)).toList();
    }

    private static String whoMay(RequestVerb verb) {
        return TABLE.stream().filter(row -> row.verbs().contains(verb)).map(Grant::rule).distinct()
                .collect(Collectors.joining("; "));
    }
}
