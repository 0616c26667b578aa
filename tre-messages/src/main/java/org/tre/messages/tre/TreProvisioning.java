package org.tre.messages.tre;

import org.tre.messages.EntityIds;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The deterministic ids of what activation provisions for a TRE: a replayed or redelivered event
 * names the same robot, project and queue, so nothing is ever created twice.
 */
public final class TreProvisioning {

    private TreProvisioning() {
    }

    public static String robotUsername(String treId) {
        return "tre_" + handle(treId) + "_robot";
    }

    public static String robotUser(String treId) {
        return "user-" + robotUsername(treId);
    }

    public static String workingProject(String treId) {
        return derivedId("project", "working-project:" + treId);
    }

    public static String dispensalQueue(String treId) {
        return derivedId("dispensalQueue", "dispensal-queue:" + treId);
    }

    /** Where TRE-made grants come from: the TRE's own id, so withdrawing them touches nothing else. */
    public static String grantSource(String treId) {
        return treId;
    }

    private static String handle(String treId) {
        return treId.substring("tre-".length());
    }

    /** An id of the usual shape whose 24 characters come from a hash of the seed. */
    private static String derivedId(String entityClass, String seed) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(seed.getBytes(StandardCharsets.UTF_8));
            StringBuilder id = new StringBuilder(entityClass).append('-');
            for (int i = 0; i < EntityIds.GENERATED_LENGTH; i++) {
                id.append(EntityIds.ALPHABET.charAt((hash[i] & 0xff) % EntityIds.ALPHABET.length()));
            }
            return id.toString();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JVM has SHA-256", e);
        }
    }
}
