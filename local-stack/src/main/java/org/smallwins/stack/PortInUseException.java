package org.smallwins.stack;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/** A port the local stack was asked to use is held by another process. */
public final class PortInUseException extends IllegalStateException {

    private final String what;
    private final int port;

    public PortInUseException(String what, int port) {
        super("Port " + port + " (" + what + ") is already in use by another process.");
        this.what = what;
        this.port = port;
    }

    /** What wanted the port: {@code command-service}, {@code query-service}, {@code development issuer}. */
    public String what() {
        return what;
    }

    public int port() {
        return port;
    }

    /**
     * Fails at once if {@code port} (when not 0) cannot be bound on every interface, as the services bind it. The port
     * is released again: a process that takes it in between makes the service's own bind fail, which its readiness
     * check reports the same way.
     */
    public static void requireFree(String what, int port) {
        if (port == 0) {
            return;
        }
        try (ServerSocket probe = new ServerSocket()) {
            probe.setReuseAddress(true);
            probe.bind(new InetSocketAddress(port));
        } catch (IOException e) {
            throw new PortInUseException(what, port);
        }
    }
}
