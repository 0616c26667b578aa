package org.tre.api.protocol.input;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * An input ({@code JsonNode}) whose mapping the route reads as a declared record of its own, with
 * {@link DeclaredInputs#read}, once it has checked what must come first: {@code jobLogsForwarding}
 * goes alone, so that is refused before its contents are; {@code describe} is a boolean or a mapping.
 * The schema describes the mapping by the record.
 */
@Target({ElementType.RECORD_COMPONENT, ElementType.FIELD})
@Retention(RetentionPolicy.RUNTIME)
public @interface ReadAs {

    Class<? extends Record> value();
}
