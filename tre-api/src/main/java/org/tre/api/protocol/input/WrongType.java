package org.tre.api.protocol.input;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The words for a value of another JSON type than the input's, where the route has always had its
 * own ("policies.jobReuse must be a boolean"); they cover the input's elements and values too. On a
 * record, they are those of each of its components that has none of its own. {@code {field}} is the
 * input's path, {@code {name}} its last key, {@code {expected}} its type ("a boolean"). Without
 * them: "Expected '{field}' to be {expected}".
 */
@Target({ElementType.RECORD_COMPONENT, ElementType.FIELD, ElementType.TYPE})
@Retention(RetentionPolicy.RUNTIME)
public @interface WrongType {

    String message();
}
