package org.smallwins.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;

/**
 * A local port that was free a moment ago: for servers that must be told their port before they start. Another process
 * may take it before the server binds it, so a server started on it must fail on a taken port (and may then try
 * another), never share it.
 */
public final class FreePort {

    private FreePort() {}

    public static int next() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free local port", e);
        }
    }

    /** True if {@code port} on {@code host} can be bound right now (it is released again at once). */
    public static boolean isFree(String host, int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new java.net.InetSocketAddress(host, port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** {@code requested} if it names a port, else a free one. */
    public static int orNext(int requested) {
        return requested > 0 ? requested : next();
    }
}
