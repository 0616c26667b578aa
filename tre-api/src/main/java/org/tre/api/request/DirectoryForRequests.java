package org.tre.api.request;

import org.springframework.stereotype.Component;
import org.tre.api.tre.DataTypeGroups;
import org.tre.directory.org.OrgDirectory;
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

    private final TreProjection tres;
    private final OrgDirectory orgs;
    private final UserDirectory users;
    private final DataTypeGroups dataTypeGroups;

    public DirectoryForRequests(TreProjection tres, OrgDirectory orgs, UserDirectory users,
                                DataTypeGroups dataTypeGroups) {
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

    static TreFacts facts(TreView view) {
        Map<String, Step> steps = new LinkedHashMap<>();
        view.applicationReviewSteps().forEach((id, step) -> steps.put(id, new Step(step.name(),
                List.copyOf(step.reviewers()))));
        return new TreFacts(view.id(), view.state(), view.treAdmins(), view.authorizedUsers(), steps);
    }
}
