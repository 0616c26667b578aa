package org.tre.api.protocol.input;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * An optional input that JSON null does not stand for: left out it is not given, given as null it is
 * refused, before the body is bound (a project flag is true or false, never null). The words are
 * {@code message} where it has any ({@code {field}} is the input's path), else the input's
 * {@link WrongType} words, else "Expected 'f' to be a boolean".
 */
@Target({ElementType.RECORD_COMPONENT, ElementType.FIELD})
@Retention(RetentionPolicy.RUNTIME)
public @interface NotNullable {

    String message() default "";
}
