package org.tre.api.rebuild;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.springframework.stereotype.Component;
import org.tre.api.protocol.DxRequest;
import org.tre.api.protocol.DxRoutes;
import org.tre.api.protocol.Scopes;
import org.tre.api.protocol.input.NoInput;
import org.tre.api.rebuild.RebuildInputs.RebuildInput;
import org.tre.messages.error.DxException;
import org.tre.messages.error.ErrorType;

import java.util.List;

/** {@code /system/rebuildProjections} and {@code /system/rebuildStatus}, for the operator (DECISIONS.md §13). */
@Component
public class RebuildRoutes implements DxRoutes.Provider {

    private final ProjectionRebuilds rebuilds;
    private final ObjectMapper json = new ObjectMapper();

    public RebuildRoutes(ProjectionRebuilds rebuilds) {
        this.rebuilds = rebuilds;
    }

    @Override
    public void register(DxRoutes routes) {
        routes.post("system/rebuildProjections", RebuildInput.class, this::rebuild,
                        ErrorType.PermissionDenied, ErrorType.InvalidState)
                .post("system/rebuildStatus", NoInput.class, (r, none) -> status(r), ErrorType.PermissionDenied);
    }

    ObjectNode rebuild(DxRequest request, RebuildInput in) {
        List<String> groups = in.processingGroups() == null ? List.of() : in.processingGroups();
        requireOperator(request);
        ObjectNode out = json.createObjectNode();
        out.set("processingGroups", json.valueToTree(rebuilds.start(groups)));
        return out;
    }

    ObjectNode status(DxRequest request) {
        requireOperator(request);
        return json.valueToTree(rebuilds.status());
    }

    private static void requireOperator(DxRequest request) {
        if (!request.caller().isOperator()) {
            throw DxException.permissionDenied("Only the operator may rebuild projections");
        }
        Scopes.requireFullScope(request.caller());
    }
}
