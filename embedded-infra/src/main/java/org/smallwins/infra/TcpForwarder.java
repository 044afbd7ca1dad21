package org.smallwins.infra;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;

/**
 * Forwards every connection made to a local port to a target address. Used to make an address unreachable first and
 * reachable later (nothing listens until the forwarder starts).
 */
public final class TcpForwarder implements AutoCloseable {

    private final ServerSocket server;

    private TcpForwarder(ServerSocket server) {
        this.server = server;
    }

    /** Reserves a free local port without listening on it, so connecting to it fails until {@link #start} is called. */
    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    public static TcpForwarder start(int port, String targetHost, int targetPort) throws IOException {
        ServerSocket server = new ServerSocket();
        server.setReuseAddress(true);
        server.bind(new InetSocketAddress("127.0.0.1", port));
        Thread acceptor = new Thread(() -> {
            while (!server.isClosed()) {
                try {
                    Socket client = server.accept();
                    Socket upstream = new Socket(targetHost, targetPort);
                    pump(client, upstream);
                    pump(upstream, client);
                } catch (IOException e) {
                    // closed, or the target refused: the client sees its connection drop
                }
            }
        }, "tcp-forwarder-" + port);
        acceptor.setDaemon(true);
        acceptor.start();
        return new TcpForwarder(server);
    }

    private static void pump(Socket from, Socket to) {
        Thread thread = new Thread(() -> {
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                in.transferTo(out);
            } catch (IOException e) {
                // connection ended
            } finally {
                try {
                    from.close();
                    to.close();
                } catch (IOException ignored) {
                    // already closed
                }
            }
        }, "tcp-pump");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
