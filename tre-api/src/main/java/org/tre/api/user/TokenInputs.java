package org.tre.api.user;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.tre.api.protocol.input.Messages;

import java.util.Map;

/** The declared inputs of the token routes (DECISIONS.md §11). */
final class TokenInputs {

    static final String SCOPE_WORDS = "'scope' must be \\{\"full\": true\\} or \\{\"projects\": \\{project id: level\\}\\}";

    private TokenInputs() {
    }

    /**
     * {@code fields} names what to add to the id; {@code clientIp} is the only name known, others are
     * ignored, as DNAnexus does for fields it has no value for (DECISIONS.md, "The real dx client").
     */
    record WhoamiInput(Map<String, Boolean> fields) {

        boolean wants(String field) {
            return fields != null && Boolean.TRUE.equals(fields.get(field));
        }
    }

    record NewAuthTokenInput(
            @Valid ScopeInput scope,
            Long expires,
            @Size(max = 256, message = Messages.AT_MOST) String label,
            @Pattern(regexp = "(?s)user-.*", message = Messages.USER_ID) String user) {
    }

    /** {@code {"full": true}} or {@code {"projects": {project id: level}}}, never both. */
    record ScopeInput(
            @AssertTrue(message = "'scope.full' must be true") Boolean full,
            @Size(min = 1, message = "'scope.projects' must be a non-empty mapping of project ids to levels")
            Map<@Pattern(regexp = Messages.GENERATED_PROJECT_ID, message = "'scope.projects' key ${validatedValue} is not a project id") String,
                    @Pattern(regexp = "VIEW|UPLOAD|CONTRIBUTE|ADMINISTER",
                            message = "'{field}' must be one of VIEW, UPLOAD, CONTRIBUTE, ADMINISTER") String> projects) {

        @AssertTrue(message = SCOPE_WORDS)
        boolean isOneKind() {
            return (full == null) != (projects == null);
        }
    }

    record DestroyAuthTokenInput(
            @NotNull
            @Pattern(regexp = "[0-9a-fA-F]{64}", message = "'tokenSignature' must be the SHA-256 hex digest of a token")
            String tokenSignature) {
    }
}
