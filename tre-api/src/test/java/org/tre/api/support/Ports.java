package org.tre.api.support;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Loopback ports for the processes tests start themselves (the jar, PostgreSQL): from a range of
 * their own, so that services other builds on the same machine start do not collide with them.
 */
public final class Ports {

    public static final int FIRST = 8300;
    public static final int LAST = 8399;

    private Ports() {
    }

    /** A port in the range that nothing listens on now; a random start keeps parallel callers apart. */
    public static int free() {
        int size = LAST - FIRST + 1;
        int offset = ThreadLocalRandom.current().nextInt(size);
        for (int i = 0; i < size; i++) {
            int port = FIRST + (offset + i) % size;
            try (ServerSocket probe = new ServerSocket()) {
                probe.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
                return port;
            } catch (IOException taken) {
                // Someone listens there; try the next.
            }
        }
        throw new IllegalStateException("No free port from " + FIRST + " to " + LAST);
    }
}
