package org.tre.api.project;

import com.fasterxml.jackson.databind.JsonNode;
import org.tre.api.protocol.DxInput;
import org.tre.api.protocol.NameFilter;
import org.tre.api.protocol.TermGrammar;
import org.tre.api.protocol.TimeRange;
import org.tre.directory.project.ProjectDirectory.ProjectRecord;
import org.tre.messages.error.DxException;
import org.tre.messages.project.ProjectFlags;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/** The search inputs of {@code /org-xxxx/findProjects} (org-api.txt), read once into one predicate. */
final class ProjectFilter {

    static final int MAX_IDS = 1000;

    private ProjectFilter() {
    }

    /** {@code isPublic} answers whether a project holds a PUBLIC grant. */
    static Predicate<ProjectRecord> of(DxInput in, Predicate<ProjectRecord> isPublic) {
        List<Predicate<ProjectRecord>> all = new ArrayList<>();
        Predicate<String> name = NameFilter.of(in, "name");
        all.add(p -> name.test(p.name()));
        in.optionalStringArray("id").ifPresent(ids -> {
            if (ids.size() > MAX_IDS) {
                throw DxException.invalidInput("'id' may hold at most " + MAX_IDS + " ids");
            }
            Set<String> wanted = new HashSet<>(ids);
            all.add(p -> wanted.contains(p.id()));
        });
        JsonNode tags = in.raw().get("tags");
        if (tags != null && !tags.isNull()) {
            Predicate<java.util.Collection<String>> grammar = TermGrammar.of(tags, "tags");
            all.add(p -> grammar.test(p.tags()));
        }
        JsonNode properties = in.raw().get("properties");
        if (properties != null && !properties.isNull()) {
            Predicate<Map<String, String>> grammar = properties(properties);
            all.add(p -> grammar.test(p.properties()));
        }
        // No project here belongs to a cloud account or a provider: naming one matches nothing.
        if (in.optionalString("cloudAccount").isPresent() || in.optionalString("provider").isPresent()) {
            all.add(p -> false);
        }
        JsonNode region = in.raw().get("region");
        if (region != null && !region.isNull()) {
            Set<String> regions = new HashSet<>();
            if (region.isTextual()) {
                regions.add(region.textValue());
            } else {
                regions.addAll(in.requiredStringArray("region"));
            }
            all.add(p -> regions.contains(p.region()));
        }
        in.optionalBoolean("public").ifPresent(wanted -> all.add(p -> isPublic.test(p) == wanted));
        Predicate<Long> created = TimeRange.of(in, "created");
        all.add(p -> created.test(p.created()));
        in.optionalBoolean("containsPHI").ifPresent(wanted -> all.add(p -> p.flag(ProjectFlags.CONTAINS_PHI) == wanted));
        return p -> all.stream().allMatch(test -> test.test(p));
    }

    /**
     * {@code {key: value, ...}} (a value is a string the property must equal, or true for any value), or
     * exactly one of {@code $and} / {@code $or} over an array of such constraints.
     */
    static Predicate<Map<String, String>> properties(JsonNode constraint) {
        if (!constraint.isObject()) {
            throw DxException.invalidInput("'properties' must be a mapping");
        }
        if (constraint.has("$and") || constraint.has("$or")) {
            if (constraint.size() != 1) {
                throw DxException.invalidInput("'properties' $and or $or must be the only key of its mapping");
            }
            boolean and = constraint.has("$and");
            JsonNode parts = constraint.get(and ? "$and" : "$or");
            if (!parts.isArray()) {
                throw DxException.invalidInput("'properties' " + (and ? "$and" : "$or") + " must be an array");
            }
            List<Predicate<Map<String, String>>> predicates = new ArrayList<>();
            parts.forEach(part -> predicates.add(properties(part)));
            return props -> and ? predicates.stream().allMatch(p -> p.test(props))
                    : predicates.stream().anyMatch(p -> p.test(props));
        }
        List<Predicate<Map<String, String>>> predicates = new ArrayList<>();
        constraint.fields().forEachRemaining(entry -> {
            String key = entry.getKey();
            JsonNode value = entry.getValue();
            if (value.isTextual()) {
                String wanted = value.textValue();
                predicates.add(props -> wanted.equals(props.get(key)));
            } else if (value.isBoolean() && value.booleanValue()) {
                predicates.add(props -> props.containsKey(key));
            } else {
                throw DxException.invalidInput("'properties." + key + "' must be a string or true");
            }
        });
        return props -> predicates.stream().allMatch(p -> p.test(props));
    }
}
