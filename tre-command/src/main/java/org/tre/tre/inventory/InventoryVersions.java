package org.tre.tre.inventory;

import org.semver4j.Semver;
import org.tre.messages.error.DxException;
import org.tre.messages.tre.Inventory;
import org.tre.messages.tre.TreState;

import java.util.regex.Pattern;

/** Inventory versions are {@code major.minor.patch}, compared numerically (DECISIONS.md §6, §12). */
public final class InventoryVersions {

    /** No leading zeros, no pre-release, no build part; a constant, so the routes' declared input states it too. */
    public static final String SHAPE = "(0|[1-9]\\d{0,8})\\.(0|[1-9]\\d{0,8})\\.(0|[1-9]\\d{0,8})";
    public static final String INVALID = "'version' must be a semantic version major.minor.patch, such as 1.0.0";
    private static final Pattern STRICT = Pattern.compile(SHAPE);

    private InventoryVersions() {
    }

    public static boolean isValid(String version) {
        return version != null && STRICT.matcher(version).matches();
    }

    public static void requireValid(String version) {
        if (!isValid(version)) {
            throw DxException.invalidInput(INVALID);
        }
    }

    /**
     * In amending a new pending version must be greater than the active one; in draft any valid
     * version replaces the pending one in place (DECISIONS.md §6).
     */
    public static void requireAboveActiveWhenAmending(TreState state, String version, Inventory active) {
        if (state == TreState.amending && active != null && !isGreater(version, active.version())) {
            throw DxException.invalidInput("version " + version + " must be greater than the active "
                    + active.version());
        }
    }

    public static boolean isGreater(String version, String than) {
        return Semver.parse(version).isGreaterThan(Semver.parse(than));
    }
}
