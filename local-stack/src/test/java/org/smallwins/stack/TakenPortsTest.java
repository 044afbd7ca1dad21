package org.smallwins.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

/**
 * {@code ./run} with a port another process holds: the terminal names the port, what wanted it and the option that
 * chooses another, and nothing is reported as running. (That a service's own bind failure is caught by its readiness
 * check, with another process answering health on the port, is in {@link JournalPipelineEndToEndTest}.)
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class TakenPortsTest {

    /** Another process's server on a port, bound on every interface as the services bind theirs. */
    static ServerSocket another() throws Exception {
        ServerSocket socket = new ServerSocket();
        socket.bind(new InetSocketAddress(0));
        return socket;
    }

    record Run(int exit, String out, String err) {}

    static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = LocalStackMain.commandLine(
                        new PrintStream(out, true, StandardCharsets.UTF_8),
                        new PrintStream(err, true, StandardCharsets.UTF_8))
                .execute(args);
        return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void a_taken_command_port_stops_the_stack_before_anything_starts_and_names_the_port() throws Exception {
        Path data = Files.createTempDirectory("taken-port");
        try (ServerSocket taken = another()) {
            PortInUseException e = catchThrowableOfType(
                    PortInUseException.class,
                    () -> LocalStack.start(
                            new LocalStack.Options(
                                    data, false, taken.getLocalPort(), 0, Path.of("target", "services"), List.of()),
                            step -> {}));

            assertThat(e.port()).isEqualTo(taken.getLocalPort());
            assertThat(e.what()).isEqualTo("command-service");
            assertThat(Files.exists(data.resolve("logs")))
                    .as("no service was started")
                    .isFalse();
        }
    }

    @Test
    void run_with_its_command_port_taken_says_which_port_and_how_to_choose_another_and_does_not_claim_to_run()
            throws Exception {
        Path data = Files.createTempDirectory("taken-port");
        try (ServerSocket taken = another()) {
            int port = taken.getLocalPort();

            Run run = run(
                    "--command-port",
                    Integer.toString(port),
                    "--query-port",
                    "0",
                    "--token-port",
                    "0",
                    "--web-port",
                    "0",
                    "--data",
                    data.toString(),
                    "--services",
                    Path.of("target", "services").toString());

            assertThat(run.exit()).isEqualTo(1);
            assertThat(run.err())
                    .contains("port " + port + " (command-service) is already in use by another process")
                    .contains("./run --command-port ");
            assertThat(run.out()).doesNotContain("is running");
            assertThat(data.resolve("run.pid")).doesNotExist();
        }
    }

    @Test
    void run_with_the_token_port_taken_names_the_token_port_option() throws Exception {
        Path data = Files.createTempDirectory("taken-port");
        try (ServerSocket taken = another()) {
            Run run = run(
                    "--token-port",
                    Integer.toString(taken.getLocalPort()),
                    "--command-port",
                    "0",
                    "--query-port",
                    "0",
                    "--web-port",
                    "0",
                    "--data",
                    data.toString());

            assertThat(run.exit()).isEqualTo(1);
            assertThat(run.err())
                    .contains("port " + taken.getLocalPort() + " (development issuer)")
                    .contains("./run --token-port ");
        }
    }

    @Test
    void each_port_has_its_own_option_in_the_message() {
        assertThat(LocalStackMain.explain(new PortInUseException("query-service", 8082)))
                .contains("port 8082 (query-service)")
                .contains("./run --query-port 18082");
        assertThat(LocalStackMain.explain(new PortInUseException("command-service", 60000)))
                .contains("./run --command-port 50000");
    }

    @Test
    void run_lists_its_options_for_the_ports_and_the_data_directory() {
        Run help = run("--help");

        assertThat(help.exit()).isZero();
        assertThat(help.out())
                .contains(
                        "--command-port=PORT",
                        "--query-port=PORT",
                        "--token-port=PORT",
                        "--web-port=PORT",
                        "--data=DIR")
                .contains("default: 8081", "default: 8082", "default: 8079", "default: 8080", "default: .data")
                .doesNotContain("--services");
    }
}
