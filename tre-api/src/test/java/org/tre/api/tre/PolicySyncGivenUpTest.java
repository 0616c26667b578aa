package org.tre.api.tre;

import com.fasterxml.jackson.databind.JsonNode;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.tre.api.support.Dx;
import org.tre.api.support.TrePlatformTest;
import org.tre.messages.tre.TreCommands.AbandonPolicySyncCommand;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tre.api.support.DxAssertions.assertError;

/**
 * A policy synchronization that cannot finish is given up by its saga's last deadline: the TRE's
 * admins see the failure in describe, and TRE projects can be created again. The saga's processor is
 * held still here, so the synchronization stays where a failing batch would leave it; the saga's own
 * paths to the give-up are its fixture tests (PolicySyncSagaTest).
 */
class PolicySyncGivenUpTest extends TrePlatformTest {

    private static final String SAGA_PROCESSOR = "PolicySyncSagaProcessor";

    @Autowired
    EventProcessingConfiguration processing;

    @Autowired
    CommandGateway commands;

    @Test
    void aGivenUpSynchronizationIsShownToTheAdminsAndNoLongerBlocksProjects() {
        String tre = activeTre();
        String request = approvedRequest(tre, authorized, reviewer, "ethics");
        requestProject(authorized, request, "before");
        EventProcessor saga = processing.eventProcessor(SAGA_PROCESSOR).orElseThrow();
        saga.shutDown();
        try {
            dx().post("/" + tre + "/setPolicies", admin, Dx.obj("restrictedWorkspace",
                    Dx.obj("downloadRestricted", true))).expectOk();
            assertThat(policySync(tre).get("state").asText()).isEqualTo("syncing");
            assertError(dx().post("/project/new", authorized, Dx.obj("name", "during", "treApplication", request)),
                    422, "InvalidState");

            // What the saga sends once a batch's retries are spent.
            assertThat((Boolean) commands.sendAndWait(new AbandonPolicySyncCommand(tre, tre + "-sync-1",
                    "Stopped after 0 of 1 projects: a batch did not finish after 5 attempts"))).isTrue();

            JsonNode described = dx().post("/" + tre + "/describe", admin, Dx.obj("fields",
                    Dx.obj("policySync", true, "sideEffectFailures", true))).expectOk().body();
            assertThat(described.get("policySync").get("state").asText()).isEqualTo("idle");
            JsonNode failure = described.get("sideEffectFailures").get(0);
            assertThat(failure.get("effect").asText()).isEqualTo("synchronize its policies to its projects");
            assertThat(failure.get("reason").asText()).startsWith("Stopped after 0 of 1 projects");
            requestProject(authorized, request, "after");
        } finally {
            saga.start();
        }
    }

    private JsonNode policySync(String tre) {
        return dx().post("/" + tre + "/describe", admin, Dx.obj("fields", Dx.obj("policySync", true))).expectOk()
                .body().get("policySync");
    }

    private String activeTre() {
        String handle = unique("gvn").toLowerCase();
        String tre = create("/tre/new", Dx.obj("handle", handle, "name", "Given up", "description", "d",
                "summary", "s", "billTo", org, "region", REGION));
        ok(tre, "setInventory", inventory("1.0.0"));
        ok(tre, "setPolicies", Dx.obj("restrictedWorkspace", Dx.obj("restricted", true)));
        ok(tre, "addApplicationReviewStep", Dx.obj("reviewStepId", "ethics", "name", "Ethics", "description", "Board"));
        ok(tre, "addApplicationReviewers", Dx.obj("reviewStepId", "ethics", "users", List.of(whoami(reviewer))));
        ok(tre, "addAuthorizedUsers", Dx.obj("users", List.of(whoami(authorized))));
        ok(tre, "activate", Dx.obj());
        return tre;
    }

    private void ok(String tre, String verb, Object input) {
        dx().post("/" + tre + "/" + verb, admin, input).expectOk();
    }
}
