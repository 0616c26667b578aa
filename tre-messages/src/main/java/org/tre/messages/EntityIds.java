package org.tre.messages;

import java.security.SecureRandom;
import java.util.regex.Pattern;

/** The id shapes of PROTOCOL.md "Ids". */
public final class EntityIds {

    /** DNAnexus' own alphabet for generated ids; clients validate project ids against it. */
    public static final String ALPHABET = "0123456789BFGJKPQVXYZbfgjkpqvxyz";
    public static final int GENERATED_LENGTH = 24;

    /** A user's or org's handle: a letter, then letters, digits, '.' or '_'; 3 to 33 characters. */
    public static final String HANDLE_SHAPE = "[A-Za-z][A-Za-z0-9._]{2,32}";
    /** What follows the class and its dash in an id the system generates, as a regular expression. */
    public static final String GENERATED_SHAPE = "[" + ALPHABET + "]{" + GENERATED_LENGTH + "}";

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Pattern HANDLE = Pattern.compile(HANDLE_SHAPE);

    private EntityIds() {
    }

    /** A fresh id such as {@code project-B8kJ...}: class, dash, 24 characters of the alphabet. */
    public static String generate(String entityClass) {
        StringBuilder id = new StringBuilder(entityClass).append('-');
        for (int i = 0; i < GENERATED_LENGTH; i++) {
            id.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return id.toString();
    }

    /**
     * An id of the generated shape taken from a seed: the same seed always gives the same id, so a
     * creation repeated with its nonce cannot make a second entity even when the nonce's record of
     * the first answer was lost. 24 bytes of the seed's SHA-256, five bits each: the alphabet has 32
     * characters.
     */
    public static String derived(String entityClass, String seed) {
        byte[] hash;
        try {
            hash = java.security.MessageDigest.getInstance("SHA-256")
                    .digest(seed.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JVM has SHA-256", e);
        }
        StringBuilder id = new StringBuilder(entityClass).append('-');
        for (int i = 0; i < GENERATED_LENGTH; i++) {
            id.append(ALPHABET.charAt(hash[i] & 31));
        }
        return id.toString();
    }

    public static boolean isGenerated(String entityClass, String id) {
        if (id == null || !id.startsWith(entityClass + "-")) {
            return false;
        }
        String tail = id.substring(entityClass.length() + 1);
        return tail.length() == GENERATED_LENGTH && tail.chars().allMatch(c -> ALPHABET.indexOf(c) >= 0);
    }

    /** Org handles and usernames: a letter, then letters, digits, '.' or '_'; 3 to 33 characters. */
    public static boolean isValidHandle(String handle) {
        return handle != null && HANDLE.matcher(handle).matches();
    }

    public static String userId(String handle) {
        return "user-" + handle.toLowerCase(java.util.Locale.ROOT);
    }

    public static String orgId(String handle) {
        return "org-" + handle.toLowerCase(java.util.Locale.ROOT);
    }

    /** The class part of an id: {@code user} of {@code user-alice}. */
    public static String classOf(String id) {
        int dash = id.indexOf('-');
        return dash < 0 ? id : id.substring(0, dash);
    }
}
