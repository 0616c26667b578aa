package org.tre.directory.execution;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import org.tre.directory.execution.ExecutionRestrictions.Refusal;
import org.tre.directory.project.ProjectLookup;
import org.tre.directory.token.TokenScopes;
import org.tre.messages.Requester;
import org.tre.messages.error.DxException;
import org.tre.messages.execution.JobMessages.JobCreatedEvent;
import org.tre.messages.execution.JobMessages.JobExecutable;
import org.tre.messages.execution.JobMessages.JobRunRefusedEvent;
import org.tre.messages.execution.JobMessages.JobTerminatedEvent;
import org.tre.messages.execution.JobMessages.JobUpdateDecision;
import org.tre.messages.execution.JobMessages.JobUpdatedEvent;
import org.tre.messages.execution.JobMessages.RunAppletCommand;
import org.tre.messages.execution.JobMessages.RunDecision;
import org.tre.messages.execution.JobMessages.TerminateJobCommand;
import org.tre.messages.execution.JobMessages.UpdateJobCommand;
import org.tre.messages.project.ProjectLevel;
import org.tre.messages.project.ProjectQueries.ProjectFacts;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A job (DECISIONS.md §16): the decision on a run, and what became of the job it started. No
 * compute runs here, so an accepted job is {@code runnable} until terminated. Its id comes from the
 * run's nonce when there is one, so a run asked again after its answer was lost meets the job it
 * made and answers as it did the first time, refusal included.
 */
@Aggregate(cache = "aggregateCache")
public class Job {

    @AggregateIdentifier
    private String jobId;
    private RunDecision decision;
    private String projectId;
    private String launchedBy;
    private boolean terminated;

    protected Job() {
    }

    /**
     * The order of DECISIONS.md §1: the applet and the project exist; VIEW on the applet's project and
     * CONTRIBUTE on the run's, then the token's reach on both; then, where a TRE project is involved,
     * the execution restrictions; last the input against the applet's inputSpec.
     */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public RunDecision handle(RunAppletCommand command, Applets applets, ProjectLookup projects) {
        if (decision != null) {
            return decision;
        }
        AppletFacts applet = applets.find(command.appletId())
                .orElseThrow(() -> DxException.notFound("The applet " + command.appletId() + " was not found"));
        ProjectFacts appletProject = projects.find(applet.projectId()).filter(p -> !p.destroyed())
                .orElseThrow(() -> DxException.notFound("The applet " + command.appletId() + " was not found"));
        ProjectFacts runProject = projects.requireLive(command.projectId());
        Requester requester = command.requester();
        projects.requireRole(appletProject, requester.userId(), ProjectLevel.VIEW, "run an applet of");
        projects.requireRole(runProject, requester.userId(), ProjectLevel.CONTRIBUTE, "run a job in");
        TokenScopes.requireReach(requester, appletProject.id(), ProjectLevel.VIEW);
        TokenScopes.requireReach(requester, runProject.id(), ProjectLevel.CONTRIBUTE);
        JobExecutable executable = new JobExecutable(applet.id(), applet.projectId(), applet.name());
        Optional<Refusal> refusal = ExecutionRestrictions.ofRun(runProject, appletProject, applet.spec(),
                command.allowSSH(), false);
        if (refusal.isPresent()) {
            Refusal refused = refusal.get();
            apply(new JobRunRefusedEvent(command.jobId(), executable, runProject.id(), refused.treId(),
                    refused.restriction(), refused.message(), requester.userId()));
            return decision;
        }
        RunInput.requireMatches(applet.spec().inputSpec(), command.input());
        String tre = runProject.tre() != null ? runProject.tre() : appletProject.tre();
        apply(new JobCreatedEvent(command.jobId(), executable, runProject.id(),
                command.folder() == null ? "/" : command.folder(),
                command.name() == null ? applet.name() : command.name(), command.input(),
                command.allowSSH() == null ? List.of() : List.copyOf(command.allowSSH()),
                command.tags() == null ? List.of() : List.copyOf(command.tags()),
                command.properties() == null ? Map.of() : Map.copyOf(command.properties()),
                command.details(), tre, requester.userId()));
        return decision;
    }

    /** A job already terminated stays so: terminating it again changes nothing and answers as before. */
    @CommandHandler
    public void handle(TerminateJobCommand command, ProjectLookup projects) {
        requireJob();
        requireLauncherOrContributor(command.requester(), projects, "terminate");
        if (!terminated) {
            apply(new JobTerminatedEvent(jobId, command.requester().userId()));
        }
    }

    @CommandHandler
    public JobUpdateDecision handle(UpdateJobCommand command, ProjectLookup projects) {
        requireJob();
        requireLauncherOrContributor(command.requester(), projects, "update");
        if (terminated) {
            throw DxException.invalidState("The job " + jobId + " is terminated");
        }
        Optional<Refusal> refusal = projects.find(projectId)
                .flatMap(project -> ExecutionRestrictions.ofUpdate(project, command.allowSSH()));
        if (refusal.isPresent()) {
            return new JobUpdateDecision(refusal.get().restriction(), refusal.get().treId(), refusal.get().message());
        }
        if (command.allowSSH() != null) {
            apply(new JobUpdatedEvent(jobId, List.copyOf(command.allowSSH()), command.requester().userId()));
        }
        return new JobUpdateDecision(null, null, null);
    }

    /** A refused run made no job: its id answers as an unknown one. */
    private void requireJob() {
        if (decision == null || !decision.accepted()) {
            throw DxException.notFound("The job " + jobId + " was not found");
        }
    }

    /**
     * The launcher, whatever their level now, or a CONTRIBUTE member of the job's project; then, for
     * either, a token reaching CONTRIBUTE there, as the run itself needed.
     */
    private void requireLauncherOrContributor(Requester requester, ProjectLookup projects, String what) {
        boolean launcher = requester.userId().equals(launchedBy);
        if (!launcher && !projects.effectiveLevel(projectId, requester.userId()).atLeast(ProjectLevel.CONTRIBUTE)) {
            throw DxException.permissionDenied("Only the launcher of " + jobId + " or a CONTRIBUTE member of "
                    + projectId + " may " + what + " it");
        }
        TokenScopes.requireReach(requester, projectId, ProjectLevel.CONTRIBUTE);
    }

    @EventSourcingHandler
    void on(JobCreatedEvent event) {
        jobId = event.jobId();
        projectId = event.projectId();
        launchedBy = event.launchedBy();
        decision = RunDecision.accepted(event.jobId());
    }

    @EventSourcingHandler
    void on(JobRunRefusedEvent event) {
        jobId = event.jobId();
        projectId = event.projectId();
        launchedBy = event.launchedBy();
        decision = new RunDecision(event.jobId(), event.restriction(), event.treId(), event.message());
    }

    @EventSourcingHandler
    void on(JobTerminatedEvent event) {
        terminated = true;
    }
}
