package org.tre.tre.request;

import org.tre.messages.tre.TreState;
import org.tre.tre.request.TreForRequests.Step;
import org.tre.tre.request.TreForRequests.TreFacts;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The TRE and platform a request fixture consults, held in memory and changed fluently. Tests may
 * change it between {@code given} and {@code when}: it is read when the command runs, as the real
 * adapter reads the TRE's read model.
 */
final class InMemoryTreForRequests implements TreForRequests {

    private final String treId;
    private TreState state = TreState.active;
    private boolean exists = true;
    private final List<String> admins = new ArrayList<>();
    private final List<String> authorized = new ArrayList<>();
    private final Map<String, Step> steps = new LinkedHashMap<>();
    private final Set<String> users = new HashSet<>();
    private final Map<String, Set<String>> orgsOf = new HashMap<>();
    private Set<String> groupFields;
    private boolean policySync;
    private final Map<String, String> jobStates = new HashMap<>();
    private final Set<String> liveProjects = new HashSet<>();

    InMemoryTreForRequests(String treId) {
        this.treId = treId;
    }

    InMemoryTreForRequests state(TreState state) {
        this.state = state;
        return this;
    }

    InMemoryTreForRequests gone() {
        exists = false;
        return this;
    }

    InMemoryTreForRequests admin(String user) {
        user(user);
        admins.add(user);
        return this;
    }

    InMemoryTreForRequests authorized(String... principals) {
        authorized.addAll(List.of(principals));
        return this;
    }

    InMemoryTreForRequests unauthorized(String principal) {
        authorized.remove(principal);
        return this;
    }

    InMemoryTreForRequests step(String stepId, String name, String... reviewers) {
        users.addAll(List.of(reviewers));
        steps.put(stepId, new Step(name, List.of(reviewers)));
        return this;
    }

    InMemoryTreForRequests reviewers(String stepId, String... reviewers) {
        users.addAll(List.of(reviewers));
        steps.put(stepId, new Step(steps.get(stepId).name(), List.of(reviewers)));
        return this;
    }

    InMemoryTreForRequests user(String... userIds) {
        users.addAll(List.of(userIds));
        return this;
    }

    InMemoryTreForRequests member(String orgId, String userId) {
        user(userId);
        orgsOf.computeIfAbsent(userId, u -> new LinkedHashSet<>()).add(orgId);
        return this;
    }

    /** The active inventory's data type groups hold these fields; none given: it has no groups. */
    InMemoryTreForRequests groupFields(String... fields) {
        groupFields = Set.of(fields);
        return this;
    }

    @Override
    public Optional<TreFacts> tre(String id) {
        if (!exists || !treId.equals(id)) {
            return Optional.empty();
        }
        return Optional.of(new TreFacts(treId, state, admins, authorized, steps, RequestWorld.ORG, RequestWorld.REGION,
                Map.of("restricted", true), policySync));
    }

    InMemoryTreForRequests policySyncRunning(boolean running) {
        policySync = running;
        return this;
    }

    /** The state the job's read model shows; absent: not recorded there yet. */
    InMemoryTreForRequests job(String jobId, String jobState) {
        jobStates.put(jobId, jobState);
        return this;
    }

    InMemoryTreForRequests liveProject(String projectId) {
        liveProjects.add(projectId);
        return this;
    }

    @Override
    public Optional<String> dispensalState(String jobId) {
        return Optional.ofNullable(jobStates.get(jobId));
    }

    @Override
    public boolean projectLive(String projectId) {
        return liveProjects.contains(projectId);
    }

    @Override
    public boolean userExists(String userId) {
        return users.contains(userId);
    }

    @Override
    public Set<String> principalsOf(String userId) {
        Set<String> principals = new LinkedHashSet<>();
        principals.add(userId);
        principals.addAll(orgsOf.getOrDefault(userId, Set.of()));
        principals.add("PUBLIC");
        return principals;
    }

    @Override
    public Optional<Set<String>> dataTypeGroupFields(String id) {
        return Optional.ofNullable(groupFields);
    }
}
