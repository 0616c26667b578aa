package org.tre.api.protocol.input;

import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonUnwrapped;

import java.lang.annotation.Annotation;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * How a declared input record stands on the wire, for the validator, its messages and the schemas:
 * a component is a key of its own; an {@code @JsonUnwrapped} one lends its record's keys to the
 * mapping it stands in (the ten project flags beside a project's other inputs); an
 * {@code @JsonAnySetter} one takes every other key (a body of user ids to levels).
 */
final class InputShapes {

    /** What one key of a mapping is: the component it belongs to (null in a plain map) and its type. */
    record Member(RecordComponent component, Type type) {
    }

    /**
     * A component with what every request's checks ask of it: its key, whether it is unwrapped or
     * takes the other keys, and its {@link NotNullable} rule (null if it has none).
     */
    record Part(RecordComponent component, String key, boolean unwrapped, boolean takesOtherKeys,
                NotNullable notNullable) {
    }

    /*
     * A request's body is checked against its record's keys and rules: they are looked up in the
     * record's annotations once per record, not at every request.
     */
    private static final ClassValue<Set<String>> KEYS = new ClassValue<>() {
        @Override
        protected Set<String> computeValue(Class<?> shape) {
            return findKeysOf(shape);
        }
    };
    private static final ClassValue<List<Part>> PARTS = new ClassValue<>() {
        @Override
        protected List<Part> computeValue(Class<?> shape) {
            return Arrays.stream(shape.getRecordComponents()).map(component -> new Part(component,
                    jsonName(component), unwrapped(component), takesOtherKeys(component),
                    annotation(component, NotNullable.class))).toList();
        }
    };

    private InputShapes() {
    }

    static String jsonName(RecordComponent component) {
        JsonProperty renamed = component.getAccessor().getAnnotation(JsonProperty.class);
        return renamed != null && !renamed.value().isEmpty() ? renamed.value() : component.getName();
    }

    static Field field(RecordComponent component) {
        try {
            return component.getDeclaringRecord().getDeclaredField(component.getName());
        } catch (NoSuchFieldException e) {
            throw new IllegalStateException("A record without the field of its component " + component.getName(), e);
        }
    }

    /** The annotation on the component, wherever Java put it: the component, its field or its accessor. */
    static <A extends Annotation> A annotation(RecordComponent component, Class<A> type) {
        A found = component.getAnnotation(type);
        if (found == null) {
            found = field(component).getAnnotation(type);
        }
        return found != null ? found : component.getAccessor().getAnnotation(type);
    }

    /** The component's value in the input; input records live, package-private, beside their routes. */
    static Object valueOf(Record input, RecordComponent component) {
        try {
            Method accessor = component.getAccessor();
            accessor.trySetAccessible();
            return accessor.invoke(input);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("Unreadable input component " + component.getName(), e);
        }
    }

    static boolean unwrapped(RecordComponent component) {
        return annotation(component, JsonUnwrapped.class) != null;
    }

    static boolean takesOtherKeys(RecordComponent component) {
        return annotation(component, JsonAnySetter.class) != null;
    }

    /** A component that names no key of its own: its keys stand in the mapping around it. */
    static boolean keyless(RecordComponent component) {
        return unwrapped(component) || takesOtherKeys(component);
    }

    @SuppressWarnings("unchecked")
    static Class<? extends Record> recordOf(RecordComponent component) {
        return (Class<? extends Record>) component.getType();
    }

    /** The record's components in declaration order (Java builds the array anew at each call). */
    static List<Part> partsOf(Class<? extends Record> shape) {
        return PARTS.get(shape);
    }

    /** The keys the record names, those of its unwrapped records included. */
    static Set<String> keysOf(Class<? extends Record> shape) {
        return KEYS.get(shape);
    }

    private static Set<String> findKeysOf(Class<?> shape) {
        Set<String> keys = new LinkedHashSet<>();
        for (Part part : PARTS.get(shape)) {
            if (part.unwrapped()) {
                keys.addAll(keysOf(recordOf(part.component())));
            } else if (!part.takesOtherKeys()) {
                keys.add(part.key());
            }
        }
        return Collections.unmodifiableSet(keys);
    }

    /** The component that takes the keys the record does not name, if it has one. */
    static Optional<RecordComponent> otherKeys(Class<?> shape) {
        if (!shape.isRecord()) {
            return Optional.empty();
        }
        return PARTS.get(shape).stream().filter(Part::takesOtherKeys).map(Part::component).findFirst();
    }

    /** The key {@code name} of a value of type {@code owner}; an unknown key is of no type (Object). */
    static Member member(Type owner, String name) {
        Class<?> raw = SchemaWords.raw(owner);
        if (raw.isRecord()) {
            Member own = ownMember(raw, name);
            if (own != null) {
                return own;
            }
            return otherKeys(raw).map(any -> new Member(any, valueType(any.getGenericType())))
                    .orElse(new Member(null, Object.class));
        }
        if (Map.class.isAssignableFrom(raw)) {
            return new Member(null, valueType(owner));
        }
        return new Member(null, Object.class);
    }

    private static Member ownMember(Class<?> record, String name) {
        for (RecordComponent component : record.getRecordComponents()) {
            if (unwrapped(component)) {
                Member inner = ownMember(component.getType(), name);
                if (inner != null) {
                    return inner;
                }
            } else if (!takesOtherKeys(component) && jsonName(component).equals(name)) {
                return new Member(component, component.getGenericType());
            }
        }
        return null;
    }

    /** The component of the record whose Java name is {@code name} (as Bean Validation's paths name it); null if none. */
    static RecordComponent component(Class<?> record, String name) {
        for (RecordComponent component : record.getRecordComponents()) {
            if (component.getName().equals(name)) {
                return component;
            }
        }
        return null;
    }

    static Type valueType(Type map) {
        return map instanceof ParameterizedType p && Map.class.isAssignableFrom(SchemaWords.raw(map))
                ? p.getActualTypeArguments()[1] : Object.class;
    }

    static Type elementType(Type owner) {
        if (owner instanceof ParameterizedType list
                && java.util.Collection.class.isAssignableFrom(SchemaWords.raw(owner))) {
            return list.getActualTypeArguments()[0];
        }
        return Object.class;
    }
}
