package org.tre.api.config;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.modelling.command.CommandTargetResolver;
import org.tre.messages.error.DxException;
import org.tre.messages.error.ErrorType;

import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Commands to one aggregate are served in the order they arrived, one at a time, each holding its
 * turn until its unit of work has committed and cleaned up.
 *
 * <p>Axon's own aggregate lock is not fair: under a sustained load a newcomer can overtake writers
 * that have waited for seconds. This queue comes first, for commands that start a unit of work of
 * their own (a request's, or one Axon Server delivers), so Axon's lock is then uncontended by them.
 * Commands sent from inside another unit of work keep Axon's lock alone: they may already hold other
 * aggregates, and waiting here could close a cycle that Axon's deadlock detection would not see.
 * A turn that does not come within the wait is answered {@code ServiceUnavailable}, which clients retry.
 */
final class OneWriterPerAggregate implements MessageHandlerInterceptor<CommandMessage<?>> {

    private final ConcurrentHashMap<String, Turns> queues = new ConcurrentHashMap<>();
    private final Duration wait;
    private final CommandTargetResolver targets;

    /** {@code targets}: the aggregates' own resolver, so a command's turn is its aggregate's. */
    OneWriterPerAggregate(Duration wait, CommandTargetResolver targets) {
        this.wait = wait;
        this.targets = targets;
    }

    @Override
    public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain chain) throws Exception {
        String aggregate = unitOfWork.isRoot() ? targetOf(unitOfWork.getMessage()) : null;
        if (aggregate == null) {
            return chain.proceed();
        }
        Turns turns = queues.compute(aggregate, (id, existing) -> (existing == null ? new Turns() : existing).join());
        if (!turns.lock.tryLock(wait.toMillis(), TimeUnit.MILLISECONDS)) {
            leave(aggregate, turns);
            throw new DxException(ErrorType.ServiceUnavailable,
                    "Too many concurrent changes to " + aggregate + "; retry shortly");
        }
        unitOfWork.onCleanup(done -> {
            turns.lock.unlock();
            leave(aggregate, turns);
        });
        return chain.proceed();
    }

    /** Aggregates waiting or being written now; the map forgets an aggregate when its last writer leaves. */
    int aggregatesInUse() {
        return queues.size();
    }

    private void leave(String aggregate, Turns turns) {
        queues.computeIfPresent(aggregate, (id, current) -> current == turns && turns.leave() == 0 ? null : current);
    }

    private String targetOf(CommandMessage<?> command) {
        try {
            return targets.resolveTarget(command).getIdentifier();
        } catch (IllegalArgumentException creationCommand) {
            return null;
        }
    }

    /** A fair lock and the number of writers holding or awaiting it, changed only inside the map's compute. */
    private static final class Turns {
        final ReentrantLock lock = new ReentrantLock(true);
        int writers;

        Turns join() {
            writers++;
            return this;
        }

        int leave() {
            return --writers;
        }
    }
}
