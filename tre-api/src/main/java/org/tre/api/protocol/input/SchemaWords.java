package org.tre.api.protocol.input;

import com.fasterxml.jackson.databind.JsonNode;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.Collection;
import java.util.Map;

/** What a declared type is called in an InvalidInput message: "a string", "an array of mappings". */
final class SchemaWords {

    private SchemaWords() {
    }

    static String of(Type type) {
        Class<?> raw = raw(type);
        if (Collection.class.isAssignableFrom(raw)) {
            Type element = type instanceof ParameterizedType list ? list.getActualTypeArguments()[0] : Object.class;
            return "an array of " + plural(element);
        }
        return singular(raw);
    }

    private static String singular(Class<?> raw) {
        if (raw == String.class) {
            return "a string";
        }
        if (raw == Boolean.class || raw == boolean.class) {
            return "a boolean";
        }
        if (raw == Long.class || raw == Integer.class || raw == long.class || raw == int.class) {
            return "an integer";
        }
        if (raw == Double.class || raw == double.class) {
            return "a number";
        }
        if (raw.isRecord() || Map.class.isAssignableFrom(raw) || JsonNode.class.isAssignableFrom(raw)) {
            return "a mapping";
        }
        return "a value of another type";
    }

    private static String plural(Type element) {
        String one = singular(raw(element));
        return one.startsWith("an ") ? one.substring(3) + "s" : one.substring(2) + "s";
    }

    static Class<?> raw(Type type) {
        if (type instanceof Class<?> c) {
            return c;
        }
        if (type instanceof ParameterizedType p) {
            return (Class<?>) p.getRawType();
        }
        return Object.class;
    }
}
