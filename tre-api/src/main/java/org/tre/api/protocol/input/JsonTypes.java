package org.tre.api.protocol.input;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeType;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Set;

/**
 * The JSON types an input of several shapes may take ({@code describe}: a boolean or a mapping).
 * Absent and JSON null pass: on the wire a null input is an input not given, as for every other type.
 */
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.METHOD, ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = JsonTypes.Check.class)
public @interface JsonTypes {

    JsonNodeType[] value();

    /** The words of the message, "a boolean or a mapping"; also the schema's description. */
    String expected();

    String message() default "Expected '{field}' to be {expected}";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    final class Check implements ConstraintValidator<JsonTypes, JsonNode> {

        private Set<JsonNodeType> allowed;

        @Override
        public void initialize(JsonTypes annotation) {
            allowed = Set.of(annotation.value());
        }

        @Override
        public boolean isValid(JsonNode value, ConstraintValidatorContext context) {
            return value == null || value.isNull() || allowed.contains(value.getNodeType());
        }
    }
}
