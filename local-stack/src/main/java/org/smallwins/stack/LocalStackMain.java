package org.smallwins.stack;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * The run command: starts the whole product on this machine and keeps it running until Ctrl-C. Data (events in
 * PostgreSQL, the dev issuer's keys) lives in one directory, {@code .data/} by default.
 */
public final class LocalStackMain {

    private LocalStackMain() {
    }

    public static void main(String[] args) throws Exception {
        Path data = Path.of(System.getProperty("smallwins.data", ".data")).toAbsolutePath();
        Path services = Path.of(System.getProperty("smallwins.services", "local-stack/target/services")).toAbsolutePath();
        int commandPort = Integer.getInteger("smallwins.command.port", 8081);
        int queryPort = Integer.getInteger("smallwins.query.port", 8082);
        int tokenPort = Integer.getInteger("smallwins.token.port", 8079);

        Files.createDirectories(data);
        FileChannel lockChannel = FileChannel.open(data.resolve("run.lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock lock = lockChannel.tryLock();
        if (lock == null) {
            System.err.println("Small Wins is already running with data in " + data + ". Stop it (Ctrl-C in its terminal) first.");
            System.exit(2);
        }
        Path pidFile = data.resolve("run.pid");
        Files.writeString(pidFile, Long.toString(ProcessHandle.current().pid()));
        System.out.println("Small Wins: starting the local stack (the first start takes a while)…");
        long started = System.nanoTime();
        LocalStack stack;
        try {
            stack = LocalStack.start(new LocalStack.Options(data, true, commandPort, queryPort, services,
                    List.of("-Xmx512m")), LocalStackMain::progress);
        } catch (Exception e) {
            System.err.println("\nSmall Wins could not start: " + e.getMessage());
            System.exit(1);
            return;
        }
        DevTokenEndpoint tokens = DevTokenEndpoint.start(tokenPort, stack.tokens());
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("\nSmall Wins: stopping…");
            tokens.close();
            stack.close();
            try {
                Files.deleteIfExists(pidFile);
                lock.release();
                lockChannel.close();
            } catch (IOException ignored) {
                // the process is ending
            }
            System.out.println("Small Wins: stopped.");
            stopped.countDown();
        }, "small-wins-stop"));

        System.out.printf("""

                Small Wins is running (started in %d s). Data: %s

                  command-service  %s   API docs: %s/swagger-ui.html
                  query-service    %s   API docs: %s/swagger-ui.html

                  Get a token for a user name (development issuer, this mode only):
                    TOKEN=$(curl -s '%s/token?user=alice')

                Ctrl-C stops everything.
                """, (System.nanoTime() - started) / 1_000_000_000L, data,
                stack.commandServiceUrl(), stack.commandServiceUrl(), stack.queryServiceUrl(), stack.queryServiceUrl(),
                tokens.url());
        stopped.await();
    }

    private static void progress(String step) {
        if (".".equals(step)) {
            System.out.print(".");
        } else {
            System.out.println("  " + step);
        }
        System.out.flush();
    }
}
