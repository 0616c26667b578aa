package org.tre.api.config;

import com.fasterxml.jackson.databind.JsonNode;
import org.axonframework.axonserver.connector.AxonServerConfiguration;
import org.axonframework.axonserver.connector.command.AxonServerCommandBus;
import org.axonframework.axonserver.connector.command.CommandSerializer;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.CommandResultMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.Test;
import org.springframework.http.ResponseEntity;
import org.tre.api.protocol.DxErrors;
import org.tre.api.support.RunningService;

import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A turn that OneWriterPerAggregate does not grant in time is ServiceUnavailable, and in the split
 * deployment it must reach the client as that (503, retried by clients), not as InternalError. No
 * Axon Server runs in the tests, so the crossing is made with what Axon Server's connector itself
 * does to an answer: the handling instance's command bus with the interceptors the application
 * registers, the connector's serializer writing the answer for the wire and reading it back in the
 * gateway, and the gateway's DNAnexus error.
 */
class CommandRefusalOrderTest {

    private static final Duration WAIT = Duration.ofMillis(200);

    record Write(@TargetAggregateIdentifier String aggregate, String writer) {
    }

    @Test
    void aTurnNotGrantedInTimeReachesTheGatewayAsServiceUnavailable() throws Exception {
        SimpleCommandBus bus = SimpleCommandBus.builder().build();
        WritePath.commandHandling(true, WAIT, new CommandTargets()).forEach(bus::registerHandlerInterceptor);

        ResponseEntity<JsonNode> answer = answerToALateWriter(bus, JacksonSerializer.defaultSerializer());

        assertThat(answer.getStatusCode().value()).isEqualTo(503);
        assertThat(answer.getBody().get("error").get("type").asText()).isEqualTo("ServiceUnavailable");
        assertThat(answer.getBody().get("error").get("message").asText())
                .isEqualTo("Too many concurrent changes to tre-a; retry shortly");
        assertThat(answer.getHeaders().getFirst("Retry-After")).isNotBlank();
    }

    /** Why the order is pinned: the translation inside the turns never sees the turn's refusal. */
    @Test
    void withTheRefusalsTranslatedInsideTheTurnsTheSameRefusalWouldBeAnInternalError() throws Exception {
        SimpleCommandBus bus = SimpleCommandBus.builder().build();
        List<MessageHandlerInterceptor<? super org.axonframework.commandhandling.CommandMessage<?>>> chain =
                WritePath.commandHandling(true, WAIT, new CommandTargets());
        bus.registerHandlerInterceptor(chain.get(1));
        bus.registerHandlerInterceptor(chain.get(0));

        ResponseEntity<JsonNode> answer = answerToALateWriter(bus, JacksonSerializer.defaultSerializer());

        assertThat(answer.getStatusCode().value()).isEqualTo(500);
        assertThat(answer.getBody().get("error").get("type").asText()).isEqualTo("InternalError");
    }

    @Test
    void theTurnsComeFirstWhereNoAnswerCrossesInstances() {
        List<MessageHandlerInterceptor<? super org.axonframework.commandhandling.CommandMessage<?>>> chain =
                WritePath.commandHandling(false, WAIT, new CommandTargets());
        assertThat(chain).singleElement().isInstanceOf(OneWriterPerAggregate.class);
        assertThat(WritePath.commandHandling(true, WAIT, new CommandTargets())).hasSize(2).last()
                .isInstanceOf(OneWriterPerAggregate.class);
    }

    /**
     * The application as a role of the split deployment registers its interceptors on the command bus
     * that Axon Server hands commands to (the connector's local segment), in that order.
     */
    @Test
    void theSplitDeploymentAnswersAnUngrantedTurnServiceUnavailable() throws Exception {
        try (RunningService role = RunningService.start("spring.profiles.active=axonserver,gateway",
                "AXONSERVER_SERVERS=localhost:1", "tre.command-turn-wait=" + WAIT.toMillis() + "ms",
                "tre.read-models=streaming", "tre.data-dir=" + Files.createTempDirectory("tre-refusal-order-"),
                "TRE_ADMIN_TOKEN=operatorTokenForTheRefusalOrderTest012345",
                "spring.datasource.url=jdbc:h2:mem:refusalorder" + System.nanoTime()
                        + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH")) {
            CommandBus bus = role.bean(CommandBus.class);
            assertThat(bus).isInstanceOf(AxonServerCommandBus.class);
            CommandBus handling = ((AxonServerCommandBus) bus).localSegment();

            ResponseEntity<JsonNode> answer = answerToALateWriter(handling,
                    role.context().getBean("messageSerializer", Serializer.class));

            assertThat(answer.getStatusCode().value()).isEqualTo(503);
            assertThat(answer.getBody().get("error").get("type").asText()).isEqualTo("ServiceUnavailable");
        }
    }

    /**
     * A first writer holds tre-a's turn; a second arrives and waits past the turn wait. Its answer is
     * written for the wire and read back as the gateway would, then answered as the gateway answers.
     */
    private static ResponseEntity<JsonNode> answerToALateWriter(CommandBus handling, Serializer serializer)
            throws Exception {
        CountDownLatch firstHoldsTheTurn = new CountDownLatch(1);
        CountDownLatch firstMayFinish = new CountDownLatch(1);
        handling.subscribe(Write.class.getName(), message -> {
            if (((Write) message.getPayload()).writer().equals("first")) {
                firstHoldsTheTurn.countDown();
                firstMayFinish.await(10, TimeUnit.SECONDS);
            }
            return null;
        });
        Thread first = new Thread(() -> handling.dispatch(GenericCommandMessage.asCommandMessage(
                new Write("tre-a", "first"))));
        first.start();
        try {
            assertThat(firstHoldsTheTurn.await(10, TimeUnit.SECONDS)).isTrue();
            CompletableFuture<CommandResultMessage<?>> late = new CompletableFuture<>();
            handling.dispatch(GenericCommandMessage.asCommandMessage(new Write("tre-a", "late")),
                    (command, result) -> late.complete(result));
            CommandResultMessage<?> handled = late.get(10, TimeUnit.SECONDS);
            assertThat(handled.isExceptional()).isTrue();

            CommandSerializer wire = new CommandSerializer(serializer, new AxonServerConfiguration());
            CommandResultMessage<?> atTheGateway = wire.deserialize(wire.serialize(handled, "late-request"));
            assertThat(atTheGateway.isExceptional()).isTrue();
            return new DxErrors().toResponse(atTheGateway.exceptionResult(), "late-request");
        } finally {
            firstMayFinish.countDown();
            first.join(10_000);
        }
    }
}
