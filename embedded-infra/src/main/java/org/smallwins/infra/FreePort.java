package org.smallwins.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;

/** A local port that was free a moment ago: for servers that must be told their port before they start. */
public final class FreePort {

    private FreePort() {
    }

    public static int next() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free local port", e);
        }
    }

    /** {@code requested} if it names a port, else a free one. */
    public static int orNext(int requested) {
        return requested > 0 ? requested : next();
    }
}
