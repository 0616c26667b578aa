package org.tre.api.protocol.input;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;

/**
 * A mapping that is either empty or holds every one of its keys: the inventory's {@code {}} for "no
 * such object" beside {@code {"project", "id"}}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = AllOrNone.Check.class)
public @interface AllOrNone {

    String message();

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    final class Check implements ConstraintValidator<AllOrNone, Record> {

        @Override
        public boolean isValid(Record value, ConstraintValidatorContext context) {
            if (value == null) {
                return true;
            }
            int given = 0;
            RecordComponent[] components = value.getClass().getRecordComponents();
            for (RecordComponent component : components) {
                try {
                    // Input records live, package-private, beside their routes.
                    java.lang.reflect.Method accessor = component.getAccessor();
                    accessor.trySetAccessible();
                    if (accessor.invoke(value) != null) {
                        given++;
                    }
                } catch (IllegalAccessException | InvocationTargetException e) {
                    throw new IllegalStateException("Unreadable input component " + component.getName(), e);
                }
            }
            return given == 0 || given == components.length;
        }
    }
}
