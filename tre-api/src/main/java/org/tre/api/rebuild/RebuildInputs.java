package org.tre.api.rebuild;

import org.tre.api.protocol.input.Messages;
import org.tre.api.protocol.input.NotNullable;

import java.util.List;

/** The declared input of {@code /system/rebuildProjections} (DECISIONS.md §13). */
final class RebuildInputs {

    private RebuildInputs() {
    }

    /** Without {@code processingGroups}: every group. */
    record RebuildInput(@NotNullable(message = Messages.MISSING) List<String> processingGroups) {
    }
}
