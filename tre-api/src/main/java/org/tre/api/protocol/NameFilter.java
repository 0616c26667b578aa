package org.tre.api.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import org.tre.messages.error.DxException;

import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The {@code name} input of find routes: an exact, case-sensitive name, or {@code {"glob": ...}}
 * ('*' any run, '?' one character), or {@code {"regexp": ..., "flags": "i"?}}.
 */
public final class NameFilter {

    private NameFilter() {
    }

    public static Predicate<String> of(DxInput in, String field) {
        JsonNode name = in.raw().get(field);
        if (name == null || name.isNull()) {
            return n -> true;
        }
        if (name.isTextual()) {
            String exact = name.textValue();
            return exact::equals;
        }
        if (!name.isObject()) {
            throw DxInput.wrongType(field, "a string or a mapping");
        }
        JsonNode glob = name.get("glob");
        JsonNode regexp = name.get("regexp");
        JsonNode flags = name.get("flags");
        for (var it = name.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (!key.equals("glob") && !key.equals("regexp") && !key.equals("flags")) {
                throw DxException.invalidInput("'" + field + "' may hold only glob, or regexp and flags");
            }
        }
        if ((glob == null) == (regexp == null)) {
            throw DxException.invalidInput("'" + field + "' needs exactly one of glob and regexp");
        }
        if (glob != null) {
            if (flags != null) {
                throw DxException.invalidInput("'" + field + ".flags' may only go with regexp");
            }
            if (!glob.isTextual()) {
                throw DxInput.wrongType(field + ".glob", "a string");
            }
            Pattern pattern = Pattern.compile(globToRegex(glob.textValue()));
            return n -> pattern.matcher(n).matches();
        }
        if (!regexp.isTextual()) {
            throw DxInput.wrongType(field + ".regexp", "a string");
        }
        int options = 0;
        if (flags != null) {
            if (!flags.isTextual() || !"i".equals(flags.textValue())) {
                throw DxException.invalidInput("'" + field + ".flags' may only be \"i\"");
            }
            options = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;
        }
        try {
            Pattern pattern = Pattern.compile(regexp.textValue(), options);
            return n -> pattern.matcher(n).find();
        } catch (PatternSyntaxException e) {
            throw DxException.invalidInput("'" + field + ".regexp' is not a valid regular expression");
        }
    }

    static String globToRegex(String glob) {
        StringBuilder regex = new StringBuilder();
        for (char c : glob.toCharArray()) {
            switch (c) {
                case '*' -> regex.append(".*");
                case '?' -> regex.append('.');
                default -> regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return regex.toString();
    }
}
