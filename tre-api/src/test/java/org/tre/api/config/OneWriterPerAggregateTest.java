package org.tre.api.config;

import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.messaging.GenericMessage;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.junit.jupiter.api.Test;
import org.tre.messages.error.DxException;
import org.tre.messages.error.ErrorType;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** On Axon's real command bus: the turns that writers of one aggregate take. */
class OneWriterPerAggregateTest {

    record Write(@TargetAggregateIdentifier String aggregate, String writer) {
    }

    record Create(String aggregate) {
    }

    private final List<String> log = Collections.synchronizedList(new ArrayList<>());
    private final CountDownLatch firstWriterMayFinish = new CountDownLatch(1);
    private final SimpleCommandBus bus = SimpleCommandBus.builder().build();
    private final DefaultCommandGateway gateway = DefaultCommandGateway.builder().commandBus(bus).build();

    private OneWriterPerAggregate queue(Duration wait) {
        OneWriterPerAggregate queue = new OneWriterPerAggregate(wait, new CommandTargets());
        bus.registerHandlerInterceptor(queue);
        bus.subscribe(Write.class.getName(), message -> {
            Write write = (Write) message.getPayload();
            log.add("start " + write.writer());
            if (write.writer().equals("first")) {
                firstWriterMayFinish.await(10, TimeUnit.SECONDS);
            }
            CurrentUnitOfWork.get().afterCommit(u -> log.add("committed " + write.writer()));
            return null;
        });
        bus.subscribe(Create.class.getName(), message -> {
            log.add("created " + ((Create) message.getPayload()).aggregate());
            return null;
        });
        return queue;
    }

    @Test
    void writersOfOneAggregateAreServedInTheOrderTheyArrived() throws Exception {
        OneWriterPerAggregate queue = queue(Duration.ofSeconds(10));
        List<Thread> writers = new ArrayList<>();
        writers.add(send(new Write("tre-a", "first")));
        await().until(() -> log.contains("start first"));
        for (int i = 1; i <= 6; i++) {
            Thread writer = send(new Write("tre-a", "w" + i));
            // The next writer arrives only once this one waits for its turn.
            await().until(() -> writer.getState() == Thread.State.TIMED_WAITING);
            writers.add(writer);
        }
        firstWriterMayFinish.countDown();
        for (Thread writer : writers) {
            writer.join(10_000);
        }
        assertThat(log).containsExactly("start first", "committed first",
                "start w1", "committed w1", "start w2", "committed w2", "start w3", "committed w3",
                "start w4", "committed w4", "start w5", "committed w5", "start w6", "committed w6");
        assertThat(queue.aggregatesInUse()).isZero();
    }

    @Test
    void writersOfAnotherAggregateDoNotWait() throws Exception {
        queue(Duration.ofSeconds(10));
        Thread first = send(new Write("tre-a", "first"));
        await().until(() -> log.contains("start first"));
        gateway.sendAndWait(new Write("tre-b", "other"));
        gateway.sendAndWait(new Create("tre-c"));
        assertThat(log).containsExactly("start first", "start other", "committed other", "created tre-c");
        firstWriterMayFinish.countDown();
        first.join(10_000);
    }

    @Test
    void aTurnThatDoesNotComeWithinTheWaitIsServiceUnavailable() throws Exception {
        OneWriterPerAggregate queue = queue(Duration.ofMillis(200));
        Thread first = send(new Write("tre-a", "first"));
        await().until(() -> log.contains("start first"));
        assertThatThrownBy(() -> gateway.sendAndWait(new Write("tre-a", "late")))
                .isInstanceOfSatisfying(DxException.class,
                        refusal -> assertThat(refusal.type()).isEqualTo(ErrorType.ServiceUnavailable));
        firstWriterMayFinish.countDown();
        first.join(10_000);
        assertThat(log).doesNotContain("start late");
        assertThat(queue.aggregatesInUse()).isZero();
    }

    @Test
    void aCommandSentInsideAnotherUnitOfWorkDoesNotQueue() throws Exception {
        queue(Duration.ofMillis(200));
        bus.subscribe("outer", message -> {
            // Sent while this unit of work is open: Axon's lock orders it, not the queue.
            gateway.sendAndWait(new Write("tre-b", "inner"));
            return null;
        });
        Thread first = send(new Write("tre-b", "first"));
        await().until(() -> log.contains("start first"));
        bus.dispatch(new GenericCommandMessage<>(new GenericMessage<>(new Write("tre-a", "outer")), "outer"));
        assertThat(log).contains("start inner", "committed inner");
        firstWriterMayFinish.countDown();
        first.join(10_000);
    }

    private Thread send(Write write) {
        Thread thread = new Thread(() -> gateway.sendAndWait(write), write.writer());
        thread.start();
        return thread;
    }
}
