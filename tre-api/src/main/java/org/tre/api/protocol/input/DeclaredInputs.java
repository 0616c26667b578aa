package org.tre.api.protocol.input;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DatabindException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.type.LogicalType;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.validation.Validator;
import org.springframework.stereotype.Component;
import org.tre.messages.error.DxException;

import java.lang.annotation.Annotation;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The one validator of route inputs (DECISIONS.md §1, step 2). A route declares its input as a record
 * whose components carry Bean Validation constraints; this reads the body's keys and its nulls first,
 * binds the body to the record strictly (no key the record does not name, no JSON type but the
 * component's: no string read as a number, no number as a string) and then checks the constraints.
 * Every refusal is InvalidInput naming the field, so nothing malformed reaches a route's handler, and
 * the records are what the OpenAPI document describes.
 */
@Component
public class DeclaredInputs {

    /** Bean Validation's own template for {@code @NotNull}: this service has always said "Missing required input". */
    private static final String NOT_NULL_TEMPLATE = "{jakarta.validation.constraints.NotNull.message}";

    private final ObjectMapper strict = strictMapper();
    private final Validator validator;

    public DeclaredInputs(Validator validator) {
        this.validator = validator;
    }

    static ObjectMapper strictMapper() {
        JsonMapper mapper = JsonMapper.builder()
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .disable(DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
                .disable(DeserializationFeature.UNWRAP_SINGLE_VALUE_ARRAYS)
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                // A null inside a list or mapping is no string and no boolean; a null input itself means absent.
                .defaultSetterInfo(JsonSetter.Value.forContentNulls(Nulls.FAIL))
                .build();
        for (LogicalType target : List.of(LogicalType.Textual, LogicalType.Boolean, LogicalType.Integer,
                LogicalType.Float, LogicalType.Collection, LogicalType.Map, LogicalType.POJO)) {
            for (CoercionInputShape shape : CoercionInputShape.values()) {
                if (!natural(target, shape)) {
                    mapper.coercionConfigFor(target).setCoercion(shape, CoercionAction.Fail);
                }
            }
        }
        return mapper;
    }

    /** The one JSON shape each Java type is read from; every other shape is a wrong type. */
    private static boolean natural(LogicalType target, CoercionInputShape shape) {
        return switch (target) {
            case Textual -> shape == CoercionInputShape.String || shape == CoercionInputShape.EmptyString;
            case Boolean -> shape == CoercionInputShape.Boolean;
            case Integer -> shape == CoercionInputShape.Integer;
            case Float -> shape == CoercionInputShape.Integer || shape == CoercionInputShape.Float;
            case Collection -> shape == CoercionInputShape.Array;
            case Map, POJO -> shape == CoercionInputShape.Object;
            default -> true;
        };
    }

    /** The body as the route's declared input, or InvalidInput naming the first field that is wrong. */
    public <T extends Record> T read(ObjectNode body, Class<T> shape) {
        refuseUnknownKeys(body, shape);
        refuseNulls(body, shape, "");
        T input;
        try {
            input = strict.treeToValue(body, shape);
        } catch (UnrecognizedPropertyException unknown) {
            throw unknownKey(unknown);
        } catch (DatabindException wrong) {
            throw wrongType(shape, wrong);
        } catch (JsonProcessingException wrong) {
            // The parser's own refusals come wrapped with their path; one that is not names no field.
            throw DxException.invalidInput("The input is not of the declared shape: " + wrong.getOriginalMessage());
        }
        Set<ConstraintViolation<T>> violations = validator.validate(input);
        if (!violations.isEmpty()) {
            ConstraintViolation<T> first = violations.stream().min(inDeclarationOrder(shape)).orElseThrow();
            throw DxException.invalidInput(messageOf(shape, first));
        }
        return input;
    }

    /**
     * The top-level keys first, before any value is read: a typo in a governance call is reported as
     * the typo, whatever else the body gets wrong (DECISIONS.md §1). A record that takes every key
     * ({@code @JsonAnySetter}) judges those it does not name by the constraints on its keys, first too.
     */
    private void refuseUnknownKeys(ObjectNode body, Class<? extends Record> shape) {
        if (opensToUnknownKeys(shape)) {
            return;
        }
        Set<String> declared = InputShapes.keysOf(shape);
        Optional<RecordComponent> others = InputShapes.otherKeys(shape);
        for (Iterator<String> names = body.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (declared.contains(name)) {
                continue;
            }
            if (others.isEmpty()) {
                throw unknownKey(shape, "", name);
            }
            refuseKey(shape, others.get(), name);
        }
    }

    private void refuseKey(Class<? extends Record> shape, RecordComponent others, String key) {
        Map<String, Object> alone = new HashMap<>();
        alone.put(key, null);
        validator.validateValue(shape, others.getName(), alone).stream()
                .filter(violation -> onAKey(violation.getPropertyPath()))
                .min(Comparator.comparingInt(DeclaredInputs::writtenAt))
                .ifPresent(violation -> {
                    throw DxException.invalidInput(messageOf(shape, violation));
                });
    }

    private static boolean onAKey(Path path) {
        for (Path.Node node : path) {
            if (node.getKind() == ElementKind.CONTAINER_ELEMENT && "<map key>".equals(node.getName())) {
                return true;
            }
        }
        return false;
    }

    /**
     * JSON null given for an input that takes none ({@link NotNullable}), in this mapping and the
     * records it holds. Binding cannot tell it from a key left out, so the body is asked first.
     */
    private static void refuseNulls(JsonNode mapping, Class<? extends Record> shape, String parent) {
        for (InputShapes.Part part : InputShapes.partsOf(shape)) {
            RecordComponent component = part.component();
            if (part.unwrapped()) {
                refuseNulls(mapping, InputShapes.recordOf(component), parent);
                continue;
            }
            String key = part.key();
            JsonNode value = part.takesOtherKeys() ? null : mapping.get(key);
            if (value == null) {
                continue;
            }
            String field = parent.isEmpty() ? key : parent + "." + key;
            NotNullable rule = part.notNullable();
            if (value.isNull() && rule != null) {
                throw DxException.invalidInput(rule.message().isEmpty()
                        ? wrongTypeWords(component, component.getGenericType(), field, key)
                        : rule.message().replace("{field}", field));
            }
            if (value.isObject() && component.getType().isRecord()) {
                refuseNulls(value, InputShapes.recordOf(component), field);
            }
        }
    }

    /** Inputs that follow a client which sends more than this service reads ({@code dx find apps}). */
    public static boolean opensToUnknownKeys(Class<?> shape) {
        JsonIgnoreProperties ignore = shape.getAnnotation(JsonIgnoreProperties.class);
        return ignore != null && ignore.ignoreUnknown();
    }

    /** The key of a component on the wire: its name, or the {@code @JsonProperty} where Java cannot spell the key. */
    public static String jsonName(RecordComponent component) {
        return InputShapes.jsonName(component);
    }

    /**
     * The inputs a record was given, by their keys in declaration order, unwrapped records' among
     * them: what a route passes on where "left out" means "unchanged" (the flags of a project update).
     */
    public static Map<String, Object> given(Record input) {
        Map<String, Object> given = new LinkedHashMap<>();
        for (InputShapes.Part part : InputShapes.partsOf(input.getClass())) {
            Object value = InputShapes.valueOf(input, part.component());
            if (value instanceof Record inner && part.unwrapped()) {
                given.putAll(given(inner));
            } else if (value != null) {
                given.put(part.key(), value);
            }
        }
        return given;
    }

    /** The keys a body of this shape may hold, those the record takes by its constraints aside. */
    public static Set<String> keysOf(Class<? extends Record> shape) {
        return InputShapes.keysOf(shape);
    }

    private static DxException unknownKey(UnrecognizedPropertyException unknown) {
        return unknownKey(unknown.getReferringClass(), dotted(unknown.getPath().subList(0,
                unknown.getPath().size() - 1)), unknown.getPropertyName());
    }

    private static DxException unknownKey(Class<?> shape, String parent, String key) {
        UnknownKeys words = shape == null ? null : shape.getAnnotation(UnknownKeys.class);
        if (words != null) {
            return DxException.invalidInput(words.message().replace("{key}", key).replace("{field}", parent));
        }
        return DxException.invalidInput("Unknown input key '" + (parent.isEmpty() ? key : parent + "." + key) + "'");
    }

    /**
     * "Expected 'users' to be an array of strings": the path down to the deepest named input, and
     * what that input's declared type is, whether the wrong value was the input or an element of it;
     * or that input's own {@link WrongType} words.
     */
    private static DxException wrongType(Class<?> shape, DatabindException wrong) {
        List<JsonMappingException.Reference> path = wrong instanceof JsonMappingException mapping
                ? mapping.getPath() : List.of();
        Type type = shape;
        Type named = shape;
        RecordComponent component = null;
        List<String> names = new ArrayList<>();
        for (JsonMappingException.Reference step : path) {
            if (step.getFieldName() == null) {
                type = InputShapes.elementType(type);
                continue;
            }
            InputShapes.Member member = InputShapes.member(type, step.getFieldName());
            if (member.component() != null) {
                component = member.component();
            }
            type = member.type();
            named = type;
            names.add(step.getFieldName());
        }
        if (names.isEmpty()) {
            return DxException.invalidInput("The input is not of the declared shape");
        }
        return DxException.invalidInput(wrongTypeWords(component, named, String.join(".", names),
                names.get(names.size() - 1)));
    }

    private static String wrongTypeWords(RecordComponent component, Type named, String field, String name) {
        WrongType words = component == null ? null : InputShapes.annotation(component, WrongType.class);
        if (words == null && component != null) {
            words = component.getDeclaringRecord().getAnnotation(WrongType.class);
        }
        String template = words == null ? "Expected '{field}' to be {expected}" : words.message();
        return template.replace("{field}", field).replace("{name}", name)
                .replace("{expected}", SchemaWords.of(named));
    }

    private static String dotted(List<JsonMappingException.Reference> path) {
        return path.stream().map(JsonMappingException.Reference::getFieldName).filter(n -> n != null)
                .collect(Collectors.joining("."));
    }

    /**
     * The field's path as the messages name it: "assays.entity", "scope.projects.project-…",
     * "user-bob.level"; the keys of unwrapped records and of one that takes every key stand in the
     * mapping around them, so the component's own name is no part of it.
     */
    static String fieldOf(Class<?> shape, Path path) {
        Type type = shape;
        List<String> names = new ArrayList<>();
        for (Path.Node node : path) {
            if (node.getKind() == ElementKind.PROPERTY) {
                if (node.isInIterable()) {
                    boolean map = Map.class.isAssignableFrom(SchemaWords.raw(type));
                    if (map && node.getKey() != null) {
                        names.add(String.valueOf(node.getKey()));
                    }
                    type = map ? InputShapes.valueType(type) : InputShapes.elementType(type);
                }
                RecordComponent component = SchemaWords.raw(type).isRecord()
                        ? InputShapes.component(SchemaWords.raw(type), node.getName()) : null;
                if (component == null) {
                    names.add(node.getName());
                    type = Object.class;
                } else {
                    if (!InputShapes.keyless(component)) {
                        names.add(InputShapes.jsonName(component));
                    }
                    type = component.getGenericType();
                }
            } else if (node.getKind() == ElementKind.CONTAINER_ELEMENT) {
                if ("<map value>".equals(node.getName())) {
                    if (node.getKey() != null) {
                        names.add(String.valueOf(node.getKey()));
                    }
                    type = InputShapes.valueType(type);
                } else if (!"<map key>".equals(node.getName())) {
                    type = InputShapes.elementType(type);
                }
            }
        }
        return String.join(".", names);
    }

    private static String messageOf(Class<?> shape, ConstraintViolation<?> violation) {
        String field = fieldOf(shape, violation.getPropertyPath());
        if (NOT_NULL_TEMPLATE.equals(violation.getMessageTemplate())) {
            return "Missing required input '" + field + "'";
        }
        return violation.getMessage().replace("{field}", field);
    }

    /**
     * The first violation as the records list their components, down the path (a nested record's
     * components in its order too), then by list position and map key, then the constraint written
     * first: so one body with several faults always gets the same answer.
     */
    private static <T> Comparator<ConstraintViolation<T>> inDeclarationOrder(Class<? extends Record> shape) {
        return Comparator.<ConstraintViolation<T>, String>comparing(v -> orderOf(shape, v.getPropertyPath()))
                .thenComparingInt(DeclaredInputs::writtenAt);
    }

    /** The path as a key that sorts as the records declare: "0002/0000000003/0000/" for assays[3].entity. */
    private static String orderOf(Class<?> shape, Path path) {
        Type type = shape;
        StringBuilder key = new StringBuilder();
        for (Path.Node node : path) {
            if (node.getIndex() != null) {
                key.append(String.format("%010d", node.getIndex())).append('/');
            } else if (node.getKey() != null) {
                key.append(node.getKey()).append('/');
            }
            if (node.getKind() == ElementKind.PROPERTY) {
                if (node.isInIterable()) {
                    type = Map.class.isAssignableFrom(SchemaWords.raw(type)) ? InputShapes.valueType(type)
                            : InputShapes.elementType(type);
                }
                Class<?> raw = SchemaWords.raw(type);
                int at = -1;
                if (raw.isRecord()) {
                    RecordComponent[] components = raw.getRecordComponents();
                    type = Object.class;
                    for (int i = 0; i < components.length; i++) {
                        if (components[i].getName().equals(node.getName())) {
                            at = i;
                            type = components[i].getGenericType();
                        }
                    }
                }
                // A property no component declares (an @AssertTrue rule) comes after every component.
                key.append(at < 0 ? "9999" + node.getName() : String.format("%04d", at)).append('/');
            } else if (node.getKind() == ElementKind.CONTAINER_ELEMENT) {
                key.append(node.getName()).append('/');
                type = "<map value>".equals(node.getName()) ? InputShapes.valueType(type)
                        : "<map key>".equals(node.getName()) ? Object.class : InputShapes.elementType(type);
            }
        }
        return key.toString();
    }

    /** Of two constraints on one input, the one written first: {@code @Pattern} before {@code @Size} if so written. */
    private static int writtenAt(ConstraintViolation<?> violation) {
        Path.Node last = null;
        for (Path.Node node : violation.getPropertyPath()) {
            last = node;
        }
        if (last == null || last.getKind() != ElementKind.PROPERTY || violation.getLeafBean() == null) {
            return 0;
        }
        RecordComponent component = InputShapes.component(violation.getLeafBean().getClass(), last.getName());
        if (component == null) {
            return 0;
        }
        List<Annotation> written = new ArrayList<>();
        for (Annotation annotation : InputShapes.field(component).getDeclaredAnnotations()) {
            written.addAll(repeated(annotation));
        }
        int at = written.indexOf(violation.getConstraintDescriptor().getAnnotation());
        return at < 0 ? Integer.MAX_VALUE : at;
    }

    /** A container of repeated annotations ({@code @Size.List}) as the annotations it holds. */
    private static List<Annotation> repeated(Annotation annotation) {
        try {
            Object value = annotation.annotationType().getMethod("value").invoke(annotation);
            if (value instanceof Annotation[] held) {
                return List.of(held);
            }
        } catch (ReflectiveOperationException notAContainer) {
            // an annotation without value(): itself
        }
        return List.of(annotation);
    }

}
