package org.tre.api.protocol.input;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DatabindException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
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

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The one validator of route inputs (DECISIONS.md §1, step 2). A route declares its input as a record
 * whose components carry Bean Validation constraints; this binds the body to it strictly (no key the
 * record does not name, no JSON type but the component's: no string read as a number, no number as a
 * string) and then checks the constraints. Every refusal is InvalidInput naming the field, so nothing
 * malformed reaches a route's handler, and the records are what the OpenAPI document describes.
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
            throw DxException.invalidInput(messageOf(first));
        }
        return input;
    }

    /**
     * The top-level keys first, before any value is read: a typo in a governance call is reported as
     * the typo, whatever else the body gets wrong (DECISIONS.md §1).
     */
    private static void refuseUnknownKeys(ObjectNode body, Class<? extends Record> shape) {
        if (opensToUnknownKeys(shape)) {
            return;
        }
        Set<String> declared = componentNames(shape);
        for (Iterator<String> names = body.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!declared.contains(name)) {
                throw unknownKey(shape, "", name);
            }
        }
    }

    /** Inputs that follow a client which sends more than this service reads ({@code dx find apps}). */
    public static boolean opensToUnknownKeys(Class<?> shape) {
        JsonIgnoreProperties ignore = shape.getAnnotation(JsonIgnoreProperties.class);
        return ignore != null && ignore.ignoreUnknown();
    }

    private static Set<String> componentNames(Class<? extends Record> shape) {
        return Arrays.stream(shape.getRecordComponents()).map(DeclaredInputs::jsonName)
                .collect(Collectors.toSet());
    }

    /** The key of a component on the wire: its name, or the {@code @JsonProperty} where Java cannot spell the key. */
    public static String jsonName(RecordComponent component) {
        JsonProperty renamed = component.getAccessor().getAnnotation(JsonProperty.class);
        return renamed != null && !renamed.value().isEmpty() ? renamed.value() : component.getName();
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
     * what that input's declared type is, whether the wrong value was the input or an element of it.
     */
    private static DxException wrongType(Class<?> shape, DatabindException wrong) {
        List<JsonMappingException.Reference> path = wrong instanceof JsonMappingException mapping
                ? mapping.getPath() : List.of();
        Type type = shape;
        Type named = shape;
        StringBuilder field = new StringBuilder();
        for (JsonMappingException.Reference step : path) {
            if (step.getFieldName() == null) {
                type = elementType(type);
                continue;
            }
            type = memberType(type, step.getFieldName());
            named = type;
            if (field.length() > 0) {
                field.append('.');
            }
            field.append(step.getFieldName());
        }
        if (field.length() == 0) {
            return DxException.invalidInput("The input is not of the declared shape");
        }
        return DxException.invalidInput("Expected '" + field + "' to be " + SchemaWords.of(named));
    }

    private static Type memberType(Type owner, String name) {
        Class<?> raw = SchemaWords.raw(owner);
        if (raw.isRecord()) {
            for (RecordComponent component : raw.getRecordComponents()) {
                if (jsonName(component).equals(name)) {
                    return component.getGenericType();
                }
            }
            return Object.class;
        }
        if (Map.class.isAssignableFrom(raw) && owner instanceof ParameterizedType map) {
            return map.getActualTypeArguments()[1];
        }
        return Object.class;
    }

    private static Type elementType(Type owner) {
        if (owner instanceof ParameterizedType list && List.class.isAssignableFrom(SchemaWords.raw(owner))) {
            return list.getActualTypeArguments()[0];
        }
        return Object.class;
    }

    private static String dotted(List<JsonMappingException.Reference> path) {
        return path.stream().map(JsonMappingException.Reference::getFieldName).filter(n -> n != null)
                .collect(Collectors.joining("."));
    }

    /** The field's path as the messages name it: "assays.entity", "scope.projects.project-…". */
    static String fieldOf(Path path) {
        StringBuilder field = new StringBuilder();
        for (Path.Node node : path) {
            String name = null;
            if (node.getKind() == ElementKind.PROPERTY) {
                name = node.getName();
            } else if (node.getKind() == ElementKind.CONTAINER_ELEMENT && "<map value>".equals(node.getName())
                    && node.getKey() != null) {
                name = String.valueOf(node.getKey());
            }
            if (name != null) {
                if (field.length() > 0) {
                    field.append('.');
                }
                field.append(name);
            }
        }
        return field.toString();
    }

    private static String messageOf(ConstraintViolation<?> violation) {
        String field = fieldOf(violation.getPropertyPath());
        if (NOT_NULL_TEMPLATE.equals(violation.getMessageTemplate())) {
            return "Missing required input '" + field + "'";
        }
        return violation.getMessage().replace("{field}", field);
    }

    /**
     * The first violation as the record lists its components, then by list position, so one body
     * with several faults always gets the same answer.
     */
    private static <T> Comparator<ConstraintViolation<T>> inDeclarationOrder(Class<? extends Record> shape) {
        List<String> order = Arrays.stream(shape.getRecordComponents()).map(RecordComponent::getName).toList();
        return Comparator.<ConstraintViolation<T>>comparingInt(v -> {
                    Iterator<Path.Node> nodes = v.getPropertyPath().iterator();
                    int index = nodes.hasNext() ? order.indexOf(nodes.next().getName()) : -1;
                    return index < 0 ? Integer.MAX_VALUE : index;
                })
                .thenComparing(v -> sortable(v.getPropertyPath()));
    }

    private static String sortable(Path path) {
        StringBuilder key = new StringBuilder();
        for (Path.Node node : path) {
            key.append(node.getName()).append('/');
            if (node.getIndex() != null) {
                key.append(String.format("%010d", node.getIndex())).append('/');
            }
        }
        return key.toString();
    }
}
