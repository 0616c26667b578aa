package org.tre.api.protocol.input;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

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
            int given = DeclaredInputs.given(value).size();
            return given == 0 || given == value.getClass().getRecordComponents().length;
        }
    }
}
