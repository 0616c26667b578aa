package org.tre.api.protocol;

/** Sizes in refusal messages as an operator configures them: 8 MiB, not 8388608. */
final class DataSizes {

    private static final long KIB = 1024;
    private static final long MIB = KIB * KIB;

    private DataSizes() {
    }

    static String shown(long bytes) {
        if (bytes >= MIB && bytes % MIB == 0) {
            return bytes / MIB + " MiB";
        }
        if (bytes >= KIB && bytes % KIB == 0) {
            return bytes / KIB + " KiB";
        }
        return bytes + " bytes";
    }
}
