package org.tre.api.deploy;

import com.github.kagkarlsson.scheduler.Scheduler;
import org.axonframework.axonserver.connector.command.AxonServerCommandBus;
import org.axonframework.axonserver.connector.event.axon.AxonServerEventStore;
import org.axonframework.axonserver.connector.query.AxonServerQueryBus;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.queryhandling.QueryBus;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.spring.stereotype.Aggregate;
import org.axonframework.spring.stereotype.Saga;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.tre.api.config.RefusalsAcrossInstances;
import org.tre.api.config.StreamingReadModels;
import org.tre.api.protocol.DxDispatcher;
import org.tre.api.support.RunningService;
import org.tre.api.support.StreamingTreReadModel;
import org.tre.directory.dataobject.DataObjectBatchSaga;
import org.tre.directory.operator.OperatorBootstrap;
import org.tre.directory.org.OrgInvitesOnSignupSaga;
import org.tre.directory.org.OrgMemberRemovalSaga;
import org.tre.directory.org.OrgProjectLimitsSaga;
import org.tre.query.tre.TreProjection;
import org.tre.tre.access.TreAccessReconciler;
import org.tre.tre.dispensal.DispensalSaga;
import org.tre.tre.project.RequestPartyWithdrawal;
import org.tre.tre.project.RequestProjectSaga;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tre.api.support.DxAssertions.assertError;

/**
 * Each role profile of docker-compose.yml starts the jar with only its own parts: aggregates (whose
 * command handlers Axon Server would route to it), sagas and streaming processors, the HTTP routes.
 * Started here on the local buses, with the TRE read model streaming as under Axon Server.
 */
class RolesTest {

    private static final Set<String> DIRECTORY_AGGREGATES = Set.of("User", "Org", "App", "Project", "DataObject",
            "DataObjectBatch", "HttpsAppAllowlist", "Applet", "Job");
    private static final Set<String> TRE_AGGREGATES = Set.of("Tre", "DispensalQueue", "DataAccessRequest");
    private static final Set<String> SIDE_EFFECT_PROCESSORS = Set.of(
            "TreProvisioningSagaProcessor", "PolicySyncSagaProcessor", TreAccessReconciler.PROCESSING_GROUP,
            OrgMemberRemovalSaga.PROCESSING_GROUP, OrgProjectLimitsSaga.PROCESSING_GROUP,
            DataObjectBatchSaga.PROCESSING_GROUP, OrgInvitesOnSignupSaga.PROCESSING_GROUP,
            RequestProjectSaga.PROCESSING_GROUP, DispensalSaga.PROCESSING_GROUP, RequestPartyWithdrawal.PROCESSING_GROUP);

    @Test
    void theGatewayServesTheRoutesAndHostsNoAggregateSagaOrRunningProcessor() throws IOException {
        try (RunningService gateway = start("gateway")) {
            ConfigurableApplicationContext context = gateway.context();
            assertThat(aggregates(context)).isEmpty();
            assertThat(context.getBeanNamesForAnnotation(Saga.class)).isEmpty();
            assertThat(runningStreamingProcessors(context)).isEmpty();
            assertThat(context.getBeanNamesForType(DxDispatcher.class)).hasSize(1);
            assertThat(context.getBeanNamesForType(Scheduler.class)).isEmpty();
            // Its routes answer: without the directory role's operator here, the token is unknown.
            assertError(gateway.dx().post("/system/whoami", "noSuchTokenHere0123456789", "{}"),
                    401, "InvalidAuthentication");
        }
    }

    @Test
    void theCommandRoleHostsTheTreAggregatesAndRunsTheSideEffects() throws IOException {
        try (RunningService command = start("command")) {
            ConfigurableApplicationContext context = command.context();
            assertThat(aggregates(context)).isEqualTo(TRE_AGGREGATES);
            assertThat(context.getBeanNamesForAnnotation(Saga.class)).isNotEmpty();
            assertThat(runningStreamingProcessors(context)).isEqualTo(SIDE_EFFECT_PROCESSORS);
            assertThat(context.getBeanNamesForType(Scheduler.class)).hasSize(1);
            assertNoRoutes(command);
        }
    }

    @Test
    void theQueryRoleStreamsTheTreReadModelAndNothingElse() throws IOException {
        try (RunningService query = start("query")) {
            ConfigurableApplicationContext context = query.context();
            assertThat(aggregates(context)).isEmpty();
            assertThat(context.getBeanNamesForAnnotation(Saga.class)).isEmpty();
            assertThat(runningStreamingProcessors(context)).containsExactly(TreProjection.PROCESSING_GROUP);
            assertNoRoutes(query);
        }
    }

    @Test
    void theDirectoryRoleHostsThePlatformAggregatesAndBootstrapsTheOperator() throws IOException {
        try (RunningService directory = start("directory")) {
            ConfigurableApplicationContext context = directory.context();
            assertThat(aggregates(context)).isEqualTo(DIRECTORY_AGGREGATES);
            assertThat(context.getBeanNamesForAnnotation(Saga.class)).isEmpty();
            assertThat(runningStreamingProcessors(context)).isEmpty();
            assertThat(context.getBeanNamesForType(OperatorBootstrap.class)).hasSize(1);
            Integer operators = directory.bean(org.springframework.jdbc.core.JdbcTemplate.class).queryForObject(
                    "SELECT COUNT(*) FROM directory_user", Integer.class);
            assertThat(operators).isEqualTo(1);
            assertNoRoutes(directory);
        }
    }

    @Test
    void withoutARoleProfileOneJvmRunsEveryRole() throws IOException {
        try (RunningService all = start(null)) {
            ConfigurableApplicationContext context = all.context();
            Set<String> every = new TreeSet<>(DIRECTORY_AGGREGATES);
            every.addAll(TRE_AGGREGATES);
            assertThat(aggregates(context)).isEqualTo(every);
            assertThat(runningStreamingProcessors(context)).containsAll(SIDE_EFFECT_PROCESSORS)
                    .contains(TreProjection.PROCESSING_GROUP);
            assertThat(context.getBeanNamesForType(DxDispatcher.class)).hasSize(1);
        }
    }

    /** No Axon Server runs here: the wiring is checked, and an unreachable server must not stop the start. */
    @Test
    void theAxonServerProfileSendsCommandsEventsAndQueriesThroughAxonServer() throws Exception {
        try (RunningService gateway = start("axonserver,gateway", "AXONSERVER_SERVERS=localhost:1")) {
            ConfigurableApplicationContext context = gateway.context();
            assertThat(context.getBean(CommandBus.class)).isInstanceOf(AxonServerCommandBus.class);
            assertThat(context.getBean(QueryBus.class)).isInstanceOf(AxonServerQueryBus.class);
            assertThat(context.getBean(EventStore.class)).isInstanceOf(AxonServerEventStore.class);
            assertThat(context.getBean(StreamingReadModels.class).streaming()).isTrue();
            assertThat(context.getBeanNamesForType(RefusalsAcrossInstances.class)).hasSize(1);
            assertThat(aggregates(context)).isEmpty();
            HttpResponse<String> readiness = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://localhost:" + gateway.port() + "/actuator/health/readiness")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(readiness.statusCode()).as("not ready without Axon Server").isEqualTo(503);
        }
    }

    private static RunningService start(String role, String... more) throws IOException {
        String name = (role == null ? "all" : role.replace(",", "-")) + System.nanoTime();
        List<String> properties = new ArrayList<>(List.of(
                "spring.profiles.active=" + (role == null ? "default" : role),
                "tre.read-models=streaming",
                "tre.data-dir=" + Files.createTempDirectory("tre-role-"),
                "TRE_ADMIN_TOKEN=operatorTokenForTheRolesTest0123456789",
                "spring.datasource.url=jdbc:h2:mem:" + name + StreamingTreReadModel.H2_OPTIONS));
        properties.addAll(List.of(more));
        return RunningService.start(properties.toArray(String[]::new));
    }

    private static Set<String> aggregates(ConfigurableApplicationContext context) {
        return Arrays.stream(context.getBeanNamesForAnnotation(Aggregate.class))
                .map(name -> context.getType(name).getSimpleName())
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private static Set<String> runningStreamingProcessors(ConfigurableApplicationContext context) {
        Map<String, EventProcessor> processors = context.getBean(EventProcessingConfiguration.class).eventProcessors();
        return processors.entrySet().stream()
                .filter(e -> e.getValue() instanceof StreamingEventProcessor streaming && streaming.isRunning())
                .map(Map.Entry::getKey)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private static void assertNoRoutes(RunningService service) {
        assertError(service.dx().post("/system/whoami", "anyToken0123456789abcdef", "{}"), 404, "ResourceNotFound");
    }
}
