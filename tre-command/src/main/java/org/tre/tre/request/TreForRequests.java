package org.tre.tre.request;

import org.tre.messages.tre.TreState;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What a data access request asks about its TRE and the platform, read-only: the TRE's state, review
 * steps and their reviewers now, its admins and authorized users, and the fields of its active
 * inventory's data type groups. The request never loads the Tre aggregate; the adapter reads the
 * TRE's read model and the directory.
 */
public interface TreForRequests {

    /** The TRE as it is now; empty when there is none or it was deleted. */
    Optional<TreFacts> tre(String treId);

    boolean userExists(String userId);

    /** The user's id, the orgs they are a member of, and PUBLIC: what an authorized users list may name. */
    Set<String> principalsOf(String userId);

    /**
     * The fields of the data type groups of the TRE's active inventory; empty when that inventory has
     * none. A data type groups file that cannot be read is the TRE's InvalidState, as in getDataTypeGroups.
     */
    Optional<Set<String>> dataTypeGroupFields(String treId);

    /**
     * The state of a dispensal job as its read model holds it ({@code idle}, {@code runnable},
     * {@code running}, {@code done}, {@code failed}); empty while the job is not recorded there yet.
     */
    Optional<String> dispensalState(String jobId);

    /** Whether the project exists and is not destroyed. */
    boolean projectLive(String projectId);

    /**
     * {@code reviewSteps}: step id → the step, in the TRE's order. {@code policies}: the TRE's non-null
     * policies, which its projects enforce as flags; {@code policySyncRunning}: a policy change is still
     * being carried to its projects, so none is made meanwhile.
     */
    record TreFacts(String treId, TreState state, List<String> admins, List<String> authorizedUsers,
                    Map<String, Step> reviewSteps, String billTo, String region, Map<String, Boolean> policies,
                    boolean policySyncRunning) {

        public TreFacts {
            admins = List.copyOf(admins);
            authorizedUsers = List.copyOf(authorizedUsers);
            reviewSteps = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(reviewSteps));
            policies = policies == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(policies));
        }

        /** A TRE as the review rules see it, without what its projects need. */
        public TreFacts(String treId, TreState state, List<String> admins, List<String> authorizedUsers,
                        Map<String, Step> reviewSteps) {
            this(treId, state, admins, authorizedUsers, reviewSteps, null, null, Map.of(), false);
        }

        /** Sits on at least one review step now. */
        public boolean isReviewer(String userId) {
            return reviewSteps.values().stream().anyMatch(step -> step.reviewers().contains(userId));
        }

        /** Sits on this step now: a reviewer taken off a step can no longer decide it. */
        public boolean reviews(String reviewStepId, String userId) {
            Step step = reviewSteps.get(reviewStepId);
            return step != null && step.reviewers().contains(userId);
        }

        /** Directly, through an org, or because PUBLIC is listed (DECISIONS.md §4). */
        public boolean authorizes(Set<String> principals) {
            return authorizedUsers.stream().anyMatch(principals::contains);
        }
    }

    record Step(String name, List<String> reviewers) {

        public Step {
            reviewers = List.copyOf(reviewers);
        }
    }
}
