package org.tre.api.config;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.common.ReflectionUtils;
import org.axonframework.common.annotation.AnnotationUtils;
import org.axonframework.modelling.command.AnnotationCommandTargetResolver;
import org.axonframework.modelling.command.CommandTargetResolver;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import org.axonframework.modelling.command.VersionedAggregateIdentifier;

import java.lang.annotation.Annotation;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;

/**
 * The aggregate a command is for, found as Axon's {@link AnnotationCommandTargetResolver} finds it
 * (the first method, else the first field, annotated {@code @TargetAggregateIdentifier}, and the
 * same for {@code @TargetAggregateVersion}), with the same refusals. The search through a command
 * class's members is made once per class, where Axon's resolver makes it at every call, and every
 * command is resolved twice: by the turn queue and by the aggregate's handler.
 */
public final class CommandTargets implements CommandTargetResolver {

    private final ClassValue<Targets> byCommandClass = new ClassValue<>() {
        @Override
        protected Targets computeValue(Class<?> commandClass) {
            return new Targets(annotated(commandClass, TargetAggregateIdentifier.class),
                    annotated(commandClass, TargetAggregateVersion.class));
        }
    };

    @Override
    public VersionedAggregateIdentifier resolveTarget(CommandMessage<?> command) {
        Targets targets = byCommandClass.get(command.getPayloadType());
        Object identifier;
        Long version;
        try {
            identifier = targets.identifier().from(command.getPayload());
            version = asLong(targets.version().from(command.getPayload()));
        } catch (InvocationTargetException e) {
            throw new IllegalArgumentException("An exception occurred while extracting aggregate information"
                    + " from a command", e);
        } catch (IllegalAccessException e) {
            throw new IllegalArgumentException("The current security context does not allow extraction of"
                    + " aggregate information from the given command.", e);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("The value provided for the version is not a number.", e);
        }
        if (identifier == null) {
            throw new IllegalArgumentException(String.format("Invalid command. It does not identify the target"
                    + " aggregate. Make sure at least one of the fields or methods in the [%s] class contains the"
                    + " @TargetAggregateIdentifier annotation and that it returns a non-null value.",
                    command.getPayloadType().getSimpleName()));
        }
        return new VersionedAggregateIdentifier(identifier, version);
    }

    private static Member annotated(Class<?> commandClass, Class<? extends Annotation> annotation) {
        for (Method method : ReflectionUtils.methodsOf(commandClass)) {
            if (AnnotationUtils.isAnnotationPresent(method, annotation)) {
                Method accessible = ReflectionUtils.ensureAccessible(method);
                return command -> accessible.invoke(command);
            }
        }
        for (Field field : ReflectionUtils.fieldsOf(commandClass)) {
            if (AnnotationUtils.isAnnotationPresent(field, annotation)) {
                Field accessible = ReflectionUtils.ensureAccessible(field);
                return accessible::get;
            }
        }
        return command -> null;
    }

    private static Long asLong(Object version) {
        if (version == null) {
            return null;
        }
        return version instanceof Number number ? number.longValue() : Long.parseLong(version.toString());
    }

    private record Targets(Member identifier, Member version) {
    }

    @FunctionalInterface
    private interface Member {
        Object from(Object command) throws InvocationTargetException, IllegalAccessException;
    }
}
