package org.tre.api.request;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.stereotype.Component;
import org.tre.api.tre.DataTypeGroups;
import org.tre.directory.org.OrgDirectory;
import org.tre.directory.project.ProjectDirectory;
import org.tre.query.dispensal.DispensalJobs;
import org.tre.directory.user.UserDirectory;
import org.tre.messages.tre.TreState;
import org.tre.query.tre.TreProjection;
import org.tre.query.tre.TreView;
import org.tre.tre.request.TreForRequests;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Answers a data access request's questions about its TRE from the TRE's read model, and about people
 * from the directory. The TRE's read model is current in the command's transaction by default; where
 * it streams, the request that changed the TRE answered only once it had caught up, so the next
 * request reads the change.
 */
@Component
public class DirectoryForRequests implements TreForRequests {

    private static final ObjectMapper POLICIES = new ObjectMapper();

    private final TreProjection tres;
    private final OrgDirectory orgs;
    private final UserDirectory users;
    private final DataTypeGroups dataTypeGroups;
    private final DispensalJobs jobs;
    private final ProjectDirectory projects;

    public DirectoryForRequests(TreProjection tres, OrgDirectory orgs, UserDirectory users,
                                DataTypeGroups dataTypeGroups, DispensalJobs jobs, ProjectDirectory projects) {
        this.jobs = jobs;
        this.projects = projects;
        this.tres = tres;
        this.orgs = orgs;
        this.users = users;
        this.dataTypeGroups = dataTypeGroups;
    }

    @Override
    public Optional<TreFacts> tre(String treId) {
        return tres.find(treId).filter(view -> view.state() != TreState.deleted).map(DirectoryForRequests::facts);
    }

    @Override
    public boolean userExists(String userId) {
        return users.find(userId).isPresent();
    }

    @Override
    public Set<String> principalsOf(String userId) {
        return orgs.principalsOf(userId);
    }

    @Override
    public Optional<Set<String>> dataTypeGroupFields(String treId) {
        return tres.find(treId).flatMap(dataTypeGroups::activeFields);
    }

    @Override
    public Optional<String> dispensalState(String jobId) {
        return jobs.find(jobId).map(DispensalJobs.Job::state);
    }

    @Override
    public boolean projectLive(String projectId) {
        return projects.live(projectId).isPresent();
    }

    static TreFacts facts(TreView view) {
        Map<String, Step> steps = new LinkedHashMap<>();
        view.applicationReviewSteps().forEach((id, step) -> steps.put(id, new Step(step.name(),
                List.copyOf(step.reviewers()))));
        return new TreFacts(view.id(), view.state(), view.treAdmins(), view.authorizedUsers(), steps, view.billTo(),
                view.region(), enforced(view.policies()), view.policySync().state() != TreView.PolicySyncState.idle);
    }

    /** The non-null policies by their wire names: what a TRE project carries as enforced flags. */
    private static Map<String, Boolean> enforced(TreView.WorkspacePolicies policies) {
        Map<String, Boolean> all = POLICIES.convertValue(policies, new TypeReference<Map<String, Boolean>>() {
        });
        Map<String, Boolean> enforced = new LinkedHashMap<>();
        all.forEach((key, value) -> {
            if (value != null) {
                enforced.put(key, value);
            }
        });
        return enforced;
    }
}
