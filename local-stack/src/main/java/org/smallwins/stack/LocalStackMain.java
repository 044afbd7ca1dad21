package org.smallwins.stack;

import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The run command: starts the whole product on this machine and keeps it running until Ctrl-C. Data (events in
 * PostgreSQL, the Kafka log, the read models, the key-encryption key, the dev issuer's keys, logs) lives in one directory, {@code .data/} by
 * default, so a restart continues where the last run stopped.
 */
@Command(
        name = "./run",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = "Builds Small Wins and starts the whole local stack. Ctrl-C stops it.")
public final class LocalStackMain implements Callable<Integer> {

    /** The {@code ./run} option that moves each port; named in the message when that port is taken. */
    static final Map<String, String> PORT_OPTIONS = Map.of(
            "command-service", "--command-port",
            "query-service", "--query-port",
            "development issuer", "--token-port",
            "web", "--web-port");

    @Option(
            names = "--command-port",
            paramLabel = "PORT",
            description = "command-service's HTTP port (default: ${DEFAULT-VALUE})")
    int commandPort = 8081;

    @Option(
            names = "--query-port",
            paramLabel = "PORT",
            description = "query-service's HTTP port (default: ${DEFAULT-VALUE})")
    int queryPort = 8082;

    @Option(
            names = "--token-port",
            paramLabel = "PORT",
            description = "the sign-in provider's port, for GET /token?user=NAME (default: ${DEFAULT-VALUE})")
    int tokenPort = 8079;

    @Option(names = "--web-port", paramLabel = "PORT", description = "the page's port (default: ${DEFAULT-VALUE})")
    int webPort = 8080;

    @Option(
            names = "--data",
            paramLabel = "DIR",
            description =
                    "where events, the Kafka log, the read models, the key-encryption key (keys/kek.json: without it"
                            + " the events cannot be read), the development issuer's keys and the logs live (default:"
                            + " ${DEFAULT-VALUE}); delete DIR/read-store to rebuild the read models")
    Path data = Path.of(".data");

    @Option(
            names = "--services",
            paramLabel = "DIR",
            hidden = true,
            description = "where the services' executable jars are")
    Path services = Path.of("local-stack", "target", "services");

    private final PrintStream out;
    private final PrintStream err;

    LocalStackMain(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    public static void main(String[] args) {
        int exit = commandLine(System.out, System.err).execute(args);
        if (exit != 0) {
            System.exit(exit);
        }
    }

    /** The command line of {@code ./run}, writing its help, progress and messages to {@code out} and {@code err}. */
    static CommandLine commandLine(PrintStream out, PrintStream err) {
        return new CommandLine(new LocalStackMain(out, err))
                .setOut(new PrintWriter(out, true))
                .setErr(new PrintWriter(err, true));
    }

    /** What the terminal shows when a port is taken: the port, what wanted it, and how to choose another. */
    static String explain(PortInUseException e) {
        String option = PORT_OPTIONS.getOrDefault(e.what(), "--" + e.what().replace(' ', '-') + "-port");
        int suggestion = e.port() + 10000 <= 65535 ? e.port() + 10000 : e.port() - 10000;
        return "Small Wins could not start: port " + e.port() + " (" + e.what()
                + ") is already in use by another process.\n"
                + "  Choose another port, e.g.:  ./run " + option + " " + suggestion + "\n"
                + "  or stop the process that holds it (to see which: ss -ltnp 'sport = :" + e.port() + "').";
    }

    @Override
    public Integer call() throws Exception {
        Path dataDirectory = data.toAbsolutePath();
        Files.createDirectories(dataDirectory);
        FileChannel lockChannel = FileChannel.open(
                dataDirectory.resolve("run.lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock lock = lockChannel.tryLock();
        if (lock == null) {
            err.println("Small Wins is already running with data in " + dataDirectory
                    + ". Stop it (Ctrl-C in its terminal) first, or give this one other data: ./run --data DIR.");
            return 2;
        }
        Path pidFile = dataDirectory.resolve("run.pid");
        Files.writeString(pidFile, Long.toString(ProcessHandle.current().pid()));
        out.println("Small Wins: starting the local stack (the first start takes a while)…");
        long started = System.nanoTime();
        LocalStack stack = null;
        String page;
        try {
            PortInUseException.requireFree("development issuer", tokenPort);
            PortInUseException.requireFree("web", webPort);
            stack = LocalStack.start(
                    new LocalStack.Options(
                            dataDirectory,
                            true,
                            commandPort,
                            queryPort,
                            services.toAbsolutePath(),
                            List.of("-Xmx512m")),
                    this::progress);
            page = stack.startWebApp(tokenPort, webPort, this::progress);
        } catch (PortInUseException e) {
            err.println("\n" + explain(e));
            close(stack);
            Files.deleteIfExists(pidFile);
            return 1;
        } catch (Exception e) {
            err.println("\nSmall Wins could not start: " + e.getMessage());
            close(stack);
            Files.deleteIfExists(pidFile);
            return 1;
        }
        LocalStack running = stack;
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            out.println("\nSmall Wins: stopping…");
                            running.close();
                            try {
                                Files.deleteIfExists(pidFile);
                                lock.release();
                                lockChannel.close();
                            } catch (IOException ignored) {
                                // the process is ending
                            }
                            out.println("Small Wins: stopped.");
                            stopped.countDown();
                        },
                        "small-wins-stop"));

        out.printf(
                """

                Small Wins is running (started in %d s). Data: %s

                  Open %s in a browser: sign in with any user name (development mode).

                  command-service  %s   API docs: %s/swagger-ui.html
                  query-service    %s   API docs: %s/swagger-ui.html

                  Get a token for a user name (the development identity provider, this mode only):
                    TOKEN=$(curl -s '%s/token?user=alice')

                  Journals are sealed with data keys wrapped by the key-encryption key %s:
                  keep it with the data (without it the events cannot be read).

                Ctrl-C stops everything.
                """,
                (System.nanoTime() - started) / 1_000_000_000L,
                dataDirectory,
                page,
                stack.commandServiceUrl(),
                stack.commandServiceUrl(),
                stack.queryServiceUrl(),
                stack.queryServiceUrl(),
                stack.identityUrl(),
                stack.keyEncryptionKeyFile());
        out.flush();
        stopped.await();
        return 0;
    }

    private static void close(LocalStack stack) {
        if (stack != null) {
            stack.close();
        }
    }

    private void progress(String step) {
        if (".".equals(step)) {
            out.print(".");
        } else {
            out.println("  " + step);
        }
        out.flush();
    }
}
