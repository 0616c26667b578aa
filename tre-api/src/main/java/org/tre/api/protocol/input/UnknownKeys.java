package org.tre.api.protocol.input;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The message for a key the record does not declare, where the route has always had its own words
 * ("Unrecognized policy key in input: x"). {@code {key}} is the key, {@code {field}} the mapping's path.
 * Without it: "Unknown input key 'path.key'".
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
public @interface UnknownKeys {

    String message();
}
