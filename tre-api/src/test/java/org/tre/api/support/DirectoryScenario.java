package org.tre.api.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;

/**
 * The same writes and reads, run on any database, so H2 and PostgreSQL can be compared answer for
 * answer. Values that differ by nature (timestamps, fresh secrets) are blanked.
 */
public final class DirectoryScenario {

    private DirectoryScenario() {
    }

    /** Creates two users and a token; returns the user's token. */
    public static String write(Dx dx, String adminToken) {
        dx.post("/user/new", adminToken, Dx.obj("username", "sam", "email", "sam@example.org", "first", "Sam",
                "last", "Stone", "nonce", "n-sam")).expectOk();
        dx.post("/user/new", adminToken, Dx.obj("username", "Tia", "email", "tia@example.org", "middle", "T"))
                .expectOk();
        return dx.post("/system/newAuthToken", adminToken, Dx.obj("user", "user-sam", "label", "scenario"))
                .expectOk().body().get("access_token").asText();
    }

    public static List<JsonNode> read(Dx dx, String adminToken, String samToken) {
        List<JsonNode> answers = new ArrayList<>();
        answers.add(dx.post("/system/whoami", samToken, "{}").body());
        answers.add(dx.post("/user-sam/describe", samToken, "{}").body());
        answers.add(dx.post("/user-tia/describe", samToken, "{}").body());
        answers.add(dx.post("/user-tia/describe", adminToken, "{}").body());
        answers.add(dx.post("/user-nobody/describe", adminToken, "{}").body());
        answers.add(dx.post("/user/new", adminToken, Dx.obj("username", "sam", "email", "sam@example.org",
                "first", "Sam", "last", "Stone", "nonce", "n-sam")).body());
        answers.add(dx.post("/user/new", adminToken, Dx.obj("username", "SAM", "email", "other@example.org")).body());
        answers.forEach(DirectoryScenario::blankVolatile);
        return answers;
    }

    private static void blankVolatile(JsonNode node) {
        if (node instanceof ObjectNode object) {
            for (String field : List.of("created", "modified", "expires", "access_token")) {
                if (object.has(field)) {
                    object.put(field, "*");
                }
            }
        }
    }
}
