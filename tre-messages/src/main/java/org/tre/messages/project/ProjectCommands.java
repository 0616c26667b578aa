package org.tre.messages.project;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.tre.messages.Requester;

import java.util.List;
import java.util.Map;

/**
 * Commands of the Project aggregate. A person's command carries the {@link Requester}, so the
 * aggregate checks their level, then their token's scope, then the project's state; commands from
 * other processes (a TRE's grants and policies, an org's member removal) name whom they act for.
 */
public final class ProjectCommands {

    private ProjectCommands() {
    }

    /**
     * {@code tre} is null for a plain project; the TRE context sends it set, after its own checks, and
     * then no billing rights are asked of the creator (DECISIONS.md §12). A null {@code region} is the
     * billing org's default region; {@code flags} holds only the flags the caller named. Creating a
     * project needs a full-scope token.
     */
    public record CreateProjectCommand(@TargetAggregateIdentifier String projectId,
                                       String name,
                                       String summary,
                                       String description,
                                       List<String> tags,
                                       Map<String, String> properties,
                                       String billTo,
                                       String region,
                                       Map<String, Boolean> flags,
                                       String tre,
                                       Requester requester) {
    }

    /**
     * Null fields stay as they are; {@code flags} holds only the flags to change. {@code version}, when
     * given, must be the project's current version.
     */
    public record UpdateProjectCommand(@TargetAggregateIdentifier String projectId,
                                       Long version,
                                       String name,
                                       String summary,
                                       String description,
                                       Map<String, Boolean> flags,
                                       String billTo,
                                       Requester requester) {
    }

    /** A person shares the project: the invitee is a user id, an org id or {@code PUBLIC}. */
    public record InviteToProjectCommand(@TargetAggregateIdentifier String projectId,
                                         String invitee,
                                         ProjectLevel level,
                                         Requester requester) {
    }

    /** Lowers people's own grants; {@link ProjectLevel#NONE} removes one. */
    public record DecreaseProjectPermissionsCommand(@TargetAggregateIdentifier String projectId,
                                                    Map<String, ProjectLevel> levels,
                                                    Requester requester) {
    }

    public record LeaveProjectCommand(@TargetAggregateIdentifier String projectId, Requester requester) {
    }

    public record TransferProjectCommand(@TargetAggregateIdentifier String projectId,
                                         String invitee,
                                         Requester requester) {
    }

    public record AcceptProjectTransferCommand(@TargetAggregateIdentifier String projectId, Requester requester) {
    }

    public record DestroyProjectCommand(@TargetAggregateIdentifier String projectId, Requester requester) {
    }

    /**
     * A grant from a source other than a person, such as a TRE ({@code tre-genomics}). It sets that
     * source's level for the principal and leaves every other source's grant alone.
     */
    public record GrantProjectAccessCommand(@TargetAggregateIdentifier String projectId,
                                            String principal,
                                            ProjectLevel level,
                                            String source) {
    }

    /** Withdraws what one source gave; a grant it never gave, or a destroyed project, changes nothing. */
    public record RevokeProjectAccessCommand(@TargetAggregateIdentifier String projectId,
                                             String principal,
                                             String source) {
    }

    /**
     * {@code /org-xxxx/bulkUpdateProjectLimit} for one project, from the update's saga once the Org
     * checked the requester and the licenses.
     */
    public record SetProjectSpendingLimitsCommand(@TargetAggregateIdentifier String projectId,
                                                  String orgId,
                                                  SpendingLimitsChange change,
                                                  String requestedBy) {
    }

    /**
     * {@code /org-xxxx/removeMember} for one project billed to the org, from the removal's saga after
     * the Org checked the requester: the user's own grant goes and, when {@code elevateRequester} and
     * the user was the only ADMINISTER holder, the requesting org ADMIN gets ADMINISTER so the project
     * is not orphaned. Answers whether the requester was elevated.
     */
    public record RemoveOrgMemberFromProjectCommand(@TargetAggregateIdentifier String projectId,
                                                    String orgId,
                                                    String userId,
                                                    String requestedBy,
                                                    boolean elevateRequester) {
    }

    /**
     * The working project activation provisions for a TRE: billed to the TRE's org in its region, with
     * no person as creator. It is not a TRE project (it never blocks the TRE's deletion); the robot's
     * ADMINISTER comes as a grant whose source is the TRE.
     */
    public record CreateTreWorkingProjectCommand(@TargetAggregateIdentifier String projectId,
                                                 String treId,
                                                 String billTo,
                                                 String region,
                                                 String robotUser) {
    }

    /**
     * A TRE's policies reach one of its projects: every non-null policy becomes the project's flag and
     * is enforced (project admins cannot change it); a null policy frees its flag again.
     */
    public record EnforceTreProjectFlagsCommand(@TargetAggregateIdentifier String projectId,
                                                Map<String, Boolean> policies) {
    }

    /**
     * A project of an approved data access request (DECISIONS.md §15), sent once the request decided:
     * no person's billing rights are asked, the creator holds ADMINISTER and the TRE's robot CONTRIBUTE
     * through a grant sourced from the request. Asked again after a lost answer, it finds the project
     * made and changes nothing.
     */
    public record CreateRequestProjectInDirectoryCommand(@TargetAggregateIdentifier String projectId,
                                                         String requestId,
                                                         String treId,
                                                         String name,
                                                         String summary,
                                                         String description,
                                                         List<String> tags,
                                                         Map<String, String> properties,
                                                         String billTo,
                                                         String region,
                                                         Map<String, Boolean> flags,
                                                         String createdBy,
                                                         String robotUser,
                                                         String applicant) {
    }

    /**
     * A collaborator removed from the request loses their own grant on its project; when nobody would
     * administer it any more, the request's applicant does. Withdrawing what is not there changes nothing.
     */
    public record WithdrawRequestPartyCommand(@TargetAggregateIdentifier String projectId,
                                              String requestId,
                                              String userId,
                                              String withdrawnBy) {
    }
}
