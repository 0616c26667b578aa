package org.tre.tre.access;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.queryhandling.DefaultQueryGateway;
import org.axonframework.queryhandling.SimpleQueryBus;
import org.axonframework.test.utils.RecordingCommandBus;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tre.messages.error.DxException;
import org.tre.messages.project.ProjectCommands.GrantProjectAccessCommand;
import org.tre.messages.project.ProjectCommands.RevokeProjectAccessCommand;
import org.tre.messages.project.ProjectLevel;
import org.tre.messages.project.ProjectQueries.FindGrantsBySourceQuery;
import org.tre.messages.project.ProjectQueries.SourcedGrant;
import org.tre.messages.tre.TreCommands.RecordTreSideEffectFailureCommand;
import org.tre.messages.tre.TreEvents.AuthorizedUsersAddedEvent;
import org.tre.messages.tre.TreQueries.FindTreAccessQuery;
import org.tre.messages.tre.TreQueries.TreAccess;
import org.tre.messages.tre.TreState;
import org.tre.tre.access.ReconciliationsDue.Attempt;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each rule of the grant reconciler: the difference is sent without waiting, a failed change is made
 * again by a scheduled attempt (never by a pause on the processor's thread), and the last attempt's
 * failures are recorded on the TRE.
 */
class TreAccessReconcilerTest {

    private static final String TRE = "tre-genomics";
    private static final String SHOW = "project-show";
    private static final Duration FIRST_DELAY = Duration.ofSeconds(1);
    private static final Map<String, String> CHANGE = Map.of("userId", "user-alice", "requestId", "req-add");

    private final RecordingCommandBus commandBus = new RecordingCommandBus();
    private final List<String> due = new ArrayList<>();
    private final List<SourcedGrant> given = new ArrayList<>();
    private TreAccessReconciler reconciler;

    @BeforeEach
    void setUp() {
        SimpleQueryBus queryBus = SimpleQueryBus.builder().build();
        queryBus.subscribe(FindTreAccessQuery.class.getName(), TreAccess.class, query ->
                new TreAccess(TRE, TreState.active, List.of(), List.of(), List.of("user-bob", "user-carol"), Set.of(),
                        SHOW, null, null, null, false));
        queryBus.subscribe(FindGrantsBySourceQuery.class.getName(), SourcedGrant.class, query -> given);
        ReconciliationsDue schedule = new ReconciliationsDue() {
            @Override
            public void schedule(Attempt attempt, Duration delay) {
                due.add(attempt.id() + " in " + delay);
            }

            @Override
            public void cancel(Attempt attempt) {
                due.remove(due.stream().filter(d -> d.startsWith(attempt.id() + " ")).findFirst().orElseThrow());
            }
        };
        reconciler = new TreAccessReconciler(DefaultCommandGateway.builder().commandBus(commandBus).build(),
                DefaultQueryGateway.builder().queryBus(queryBus).build(), schedule, FIRST_DELAY);
    }

    private void carolsGrantFails() {
        commandBus.setCallbackBehavior((payload, metaData) -> {
            if (payload instanceof GrantProjectAccessCommand grant && grant.principal().equals("user-carol")) {
                throw DxException.invalidState("A concurrent request changed the same entity; nothing was changed");
            }
            return null;
        });
    }

    private static AuthorizedUsersAddedEvent carolAdded() {
        return new AuthorizedUsersAddedEvent(TRE, List.of("user-carol"), List.of("user-bob", "user-carol"));
    }

    private List<Object> sent() {
        return commandBus.getDispatchedCommands().stream().map(CommandMessage::getPayload).map(Object.class::cast)
                .toList();
    }

    @Test
    void aChangeIssuesTheDifferenceAndLeavesNothingDue() {
        given.add(new SourcedGrant(SHOW, "user-bob", ProjectLevel.VIEW));
        given.add(new SourcedGrant(SHOW, "user-dave", ProjectLevel.VIEW));
        AuthorizedUsersAddedEvent added = carolAdded();
        reconciler.on(added, GenericEventMessage.asEventMessage(added));
        assertThat(sent()).containsExactly(new GrantProjectAccessCommand(SHOW, "user-carol", ProjectLevel.VIEW, TRE),
                new RevokeProjectAccessCommand(SHOW, "user-dave", TRE));
        assertThat(due).isEmpty();
    }

    @Test
    void theChangesCarryTheCallerAndRequestOfTheEventThatSetThemOff() {
        AuthorizedUsersAddedEvent added = carolAdded();
        reconciler.on(added, GenericEventMessage.asEventMessage(added).andMetaData(CHANGE));
        assertThat(commandBus.getDispatchedCommands()).isNotEmpty()
                .allSatisfy(command -> assertThat(command.getMetaData()).containsAllEntriesOf(CHANGE));
    }

    @Test
    void aFailedChangeIsLeftToTheNextAttemptWhichIsAlreadyDue() {
        carolsGrantFails();
        reconciler.reconcile(new Attempt(TRE, "event-1", 0, CHANGE));
        assertThat(sent()).containsExactly(new GrantProjectAccessCommand(SHOW, "user-bob", ProjectLevel.VIEW, TRE),
                new GrantProjectAccessCommand(SHOW, "user-carol", ProjectLevel.VIEW, TRE));
        assertThat(due).containsExactly("event-1#1 in PT1S");
    }

    @Test
    void eachAttemptWaitsTwiceAsLongAsTheOneBefore() {
        carolsGrantFails();
        reconciler.reconcile(new Attempt(TRE, "event-1", 1, CHANGE));
        assertThat(due).containsExactly("event-1#2 in PT2S");
    }

    @Test
    void theLastAttemptRecordsWhatItStillCouldNotDoOnTheTre() {
        carolsGrantFails();
        given.add(new SourcedGrant(SHOW, "user-bob", ProjectLevel.VIEW));
        reconciler.reconcile(new Attempt(TRE, "event-1", TreAccessReconciler.ATTEMPTS - 1, CHANGE));
        assertThat(sent()).containsExactly(new GrantProjectAccessCommand(SHOW, "user-carol", ProjectLevel.VIEW, TRE),
                new RecordTreSideEffectFailureCommand(TRE, "grant VIEW on " + SHOW + " to user-carol",
                        "A concurrent request changed the same entity; nothing was changed"));
        assertThat(due).isEmpty();
    }

    @Test
    void theSweepReconcilesInItsOwnName() {
        reconciler.sweep(TRE);
        assertThat(commandBus.getDispatchedCommands()).isNotEmpty().allSatisfy(command ->
                assertThat(command.getMetaData()).containsEntry("userId", "system")
                        .containsEntry("requestId", "grant-sweep"));
        assertThat(due).isEmpty();
    }
}
