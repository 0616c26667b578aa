package org.tre.api.project;

import com.fasterxml.jackson.databind.JsonNode;
import org.tre.api.project.ProjectInputs.FindProjectsInput;
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

    private ProjectFilter() {
    }

    /** {@code isPublic} answers whether a project holds a PUBLIC grant; {@code body} is what the grammars read. */
    static Predicate<ProjectRecord> of(FindProjectsInput in, DxInput body, Predicate<ProjectRecord> isPublic) {
        List<Predicate<ProjectRecord>> all = new ArrayList<>();
        Predicate<String> name = NameFilter.of(body, "name");
        all.add(p -> name.test(p.name()));
        if (in.id() != null) {
            Set<String> wanted = new HashSet<>(in.id());
            all.add(p -> wanted.contains(p.id()));
        }
        if (given(in.tags())) {
            Predicate<java.util.Collection<String>> grammar = TermGrammar.of(in.tags(), "tags");
            all.add(p -> grammar.test(p.tags()));
        }
        if (given(in.properties())) {
            Predicate<Map<String, String>> grammar = properties(in.properties());
            all.add(p -> grammar.test(p.properties()));
        }
        // No project here belongs to a cloud account or a provider: naming one matches nothing.
        if (in.cloudAccount() != null || in.provider() != null) {
            all.add(p -> false);
        }
        if (given(in.region())) {
            Set<String> regions = regions(in.region());
            all.add(p -> regions.contains(p.region()));
        }
        if (in.publicProject() != null) {
            boolean wanted = in.publicProject();
            all.add(p -> isPublic.test(p) == wanted);
        }
        Predicate<Long> created = TimeRange.of(body, "created");
        all.add(p -> created.test(p.created()));
        if (in.containsPHI() != null) {
            boolean wanted = in.containsPHI();
            all.add(p -> p.flag(ProjectFlags.CONTAINS_PHI) == wanted);
        }
        return p -> all.stream().allMatch(test -> test.test(p));
    }

    private static boolean given(JsonNode input) {
        return input != null && !input.isNull();
    }

    /** One region, or an array of them. */
    private static Set<String> regions(JsonNode region) {
        Set<String> regions = new HashSet<>();
        if (region.isTextual()) {
            regions.add(region.textValue());
            return regions;
        }
        for (JsonNode element : region) {
            if (!element.isTextual()) {
                throw DxInput.wrongType("region", "an array of strings");
            }
            regions.add(element.textValue());
        }
        return regions;
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
