package org.tre.api.protocol;

import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.queryhandling.DefaultQueryGateway;
import org.axonframework.queryhandling.QueryExecutionException;
import org.axonframework.queryhandling.QueryGateway;
import org.axonframework.queryhandling.SimpleQueryBus;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.Test;
import org.tre.api.config.RefusalsAcrossInstances;
import org.tre.messages.error.DxError;
import org.tre.messages.error.DxException;
import org.tre.messages.error.ErrorType;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * A refusal made in one instance is answered by another under Axon Server: it travels as the details
 * of an execution exception, serialized like every message, and comes out as the same DNAnexus error.
 */
class RefusalsAcrossInstancesTest {

    @Test
    void aRefusedCommandComesBackAsTheSameError() {
        SimpleCommandBus bus = SimpleCommandBus.builder().build();
        bus.registerHandlerInterceptor(RefusalsAcrossInstances.commandRefusals());
        bus.subscribe(String.class.getName(), command -> {
            throw DxException.permissionDenied("Only a TRE admin may do that");
        });
        CommandGateway commands = DefaultCommandGateway.builder().commandBus(bus).build();

        Throwable thrown = catchThrowable(() -> commands.sendAndWait("update"));

        assertThat(thrown).isInstanceOf(CommandExecutionException.class);
        assertSameRefusal(DxErrors.translate(thrown), ErrorType.PermissionDenied, "Only a TRE admin may do that");
    }

    @Test
    void aCommandForAnEntityThatDoesNotExistComesBackAsResourceNotFound() {
        SimpleCommandBus bus = SimpleCommandBus.builder().build();
        bus.registerHandlerInterceptor(RefusalsAcrossInstances.commandRefusals());
        bus.subscribe(String.class.getName(), command -> {
            throw new AggregateNotFoundException("tre-nosuch", "The aggregate was not found in the event store");
        });
        CommandGateway commands = DefaultCommandGateway.builder().commandBus(bus).build();

        Throwable thrown = catchThrowable(() -> commands.sendAndWait("update"));

        assertThat(thrown).isInstanceOf(CommandExecutionException.class);
        assertSameRefusal(DxErrors.translate(thrown), ErrorType.ResourceNotFound,
                "The TRE tre-nosuch was not found");
    }

    @Test
    void aRefusedQueryComesBackAsTheSameError() {
        SimpleQueryBus bus = SimpleQueryBus.builder().build();
        bus.registerHandlerInterceptor(RefusalsAcrossInstances.queryRefusals());
        bus.subscribe("find", String.class, query -> {
            throw DxException.notFound("No such TRE");
        });
        QueryGateway queries = DefaultQueryGateway.builder().queryBus(bus).build();

        Throwable thrown = catchThrowable(() -> queries.query("find", "tre-x", String.class).join());

        assertThat(thrown).hasCauseInstanceOf(QueryExecutionException.class);
        assertSameRefusal(DxErrors.translate(thrown), ErrorType.ResourceNotFound, "No such TRE");
    }

    @Test
    void theRefusalSurvivesTheSerializerThatCarriesIt() {
        JacksonSerializer serializer = JacksonSerializer.defaultSerializer();
        DxError refusal = new DxError(ErrorType.InvalidState, "The TRE is active");
        SerializedObject<byte[]> wire = serializer.serialize(refusal, byte[].class);
        assertThat((Object) serializer.deserialize(wire)).isEqualTo(refusal);
    }

    @Test
    void aCommandNoInstanceHandlesIsServiceUnavailableNotAnInternalError() {
        CommandGateway commands = DefaultCommandGateway.builder().commandBus(SimpleCommandBus.builder().build()).build();
        Throwable thrown = catchThrowable(() -> commands.sendAndWait("nobody handles this"));
        assertThat(DxErrors.translate(thrown).type()).isEqualTo(ErrorType.ServiceUnavailable);
    }

    private static void assertSameRefusal(DxException back, ErrorType type, String message) {
        assertThat(back.type()).isEqualTo(type);
        assertThat(back.getMessage()).isEqualTo(message);
    }
}
