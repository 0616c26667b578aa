package org.tre.api.dataobject;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.tre.api.protocol.input.MaxUtf8Bytes;
import org.tre.api.protocol.input.Messages;

import java.util.List;
import java.util.Map;

/** The declared inputs of the data object routes (DECISIONS.md §11). */
final class DataObjectInputs {

    static final int MAX_NAME = 1000;
    static final int MAX_CONTENT_BYTES = 1024 * 1024;
    /** A database name is an identifier, as SQL engines take it. */
    static final String DATABASE_NAME = "[A-Za-z_][A-Za-z0-9_]{0,254}";

    private DataObjectInputs() {
    }

    /** Where every new data object goes and what it is called. */
    record Placement(
            @NotNull @Pattern(regexp = Messages.GENERATED_PROJECT_ID, message = Messages.PROJECT_ID) String project,
            @NotNull @Size(min = 1, max = MAX_NAME, message = Messages.LENGTH) String name) {
    }

    record NewFileInput(
            @JsonUnwrapped @Valid Placement placement,
            @MaxUtf8Bytes(value = MAX_CONTENT_BYTES, message = "'content' must be at most 1 MiB of UTF-8") String content,
            String nonce) {
    }

    record NewRecordInput(
            @JsonUnwrapped @Valid Placement placement,
            List<@Size(min = 1, max = MAX_NAME, message = "'types' must hold names of 1 to " + MAX_NAME + " characters")
                    String> types,
            String nonce) {
    }

    record NewDatabaseInput(
            @JsonUnwrapped @Valid Placement placement,
            @NotNull @Pattern(regexp = DATABASE_NAME, message = "'uniqueDatabaseName' must be a letter or '_' followed"
                    + " by letters, digits and '_', at most 255 characters") String uniqueDatabaseName,
            String nonce) {
    }

    /** {@code project}: the project to describe the object in; without it, the first the caller may see. */
    record DescribeDataObjectInput(
            @Pattern(regexp = Messages.GENERATED_PROJECT_ID, message = Messages.PROJECT_ID) String project,
            Map<String, Boolean> fields) {
    }
}
