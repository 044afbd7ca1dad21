package org.smallwins.stack;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.json.JsonMapper;

/**
 * One service running as its own JVM process, started from its executable jar and configured by environment. It is
 * handed a random instance id and a port file; it reports the port its web server really bound in that file (so it can
 * be started on port 0) and its instance id at {@code /actuator/info}. It is ready only when the port from its own port
 * file answers health UP with its own instance id: never because some other process answers on the port.
 */
final class ServiceProcess implements AutoCloseable {

    /** Spring Boot's own words when the web server cannot bind (its {@code PortInUseFailureAnalyzer}). */
    private static final Pattern PORT_IN_USE = Pattern.compile("Port (\\d+) was already in use");

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final String name;
    private final Process process;
    private final int requestedPort;
    private final Path log;
    private final long logOffset;
    private final Path portFile;
    private final String instanceId;
    private volatile int boundPort;

    private ServiceProcess(
            String name,
            Process process,
            int requestedPort,
            Path log,
            long logOffset,
            Path portFile,
            String instanceId) {
        this.name = name;
        this.process = process;
        this.requestedPort = requestedPort;
        this.log = log;
        this.logOffset = logOffset;
        this.portFile = portFile;
        this.instanceId = instanceId;
    }

    /** @param port the port the service was told to bind (in {@code env}); 0 for any free one */
    static ServiceProcess start(
            String name, Path jar, int port, Map<String, String> env, Path logDir, List<String> jvmOptions)
            throws IOException {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: build it first (./mvnw -DskipTests package)");
        }
        Files.createDirectories(logDir);
        Path log = logDir.resolve(name + ".log");
        Path portFile = logDir.resolve(name + ".port").toAbsolutePath();
        Files.deleteIfExists(portFile);
        long logOffset = Files.exists(log) ? Files.size(log) : 0;
        String instanceId = name + "-" + UUID.randomUUID();
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.addAll(optionsForEveryService());
        command.add("-jar");
        command.add(jar.toString());
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().putAll(env);
        builder.environment().put("SMALLWINS_INSTANCE_ID", instanceId);
        builder.environment().put("SMALLWINS_INSTANCE_PORT_FILE", portFile.toString());
        return new ServiceProcess(name, builder.start(), port, log, logOffset, portFile, instanceId);
    }

    /**
     * JVM options every service process gets, from the system property {@value #SERVICE_JVM_OPTIONS} (separated by
     * whitespace). The build uses it to pass its coverage agent on to the services the end-to-end tests start.
     */
    static List<String> optionsForEveryService() {
        String options = System.getProperty(SERVICE_JVM_OPTIONS, "").strip();
        return options.isEmpty() ? List.of() : List.of(options.split("\\s+"));
    }

    static final String SERVICE_JVM_OPTIONS = "smallwins.stack.service-jvm-options";

    String name() {
        return name;
    }

    /** The id this process was handed; it reports it at {@code /actuator/info} as {@code instance.id}. */
    String instanceId() {
        return instanceId;
    }

    /** The port the service really bound, from its port file. */
    int port() {
        if (boundPort == 0) {
            boundPort = readPortFile()
                    .orElseThrow(() -> new IllegalStateException(
                            name + " has not bound its port yet (no port in " + portFile + "); see " + log));
        }
        return boundPort;
    }

    String baseUrl() {
        return "http://localhost:" + port();
    }

    Path log() {
        return log;
    }

    long pid() {
        return process.pid();
    }

    /**
     * Waits until this process has bound its web server's port (named in its port file) and returns it; it need not
     * be ready yet ({@link #awaitHealthy} is). Fails if the process ends first.
     */
    int awaitBoundPort(Duration timeout, Runnable onWait) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            Optional<Integer> bound = readPortFile();
            if (bound.isPresent()) {
                return bound.get();
            }
            if (!process.isAlive()) {
                Matcher inUse = PORT_IN_USE.matcher(logSinceStart());
                if (inUse.find()) {
                    throw new PortInUseException(name, Integer.parseInt(inUse.group(1)));
                }
                throw new IllegalStateException(name + " exited with code " + process.exitValue() + "; see " + log);
            }
            onWait.run();
            Thread.sleep(200);
        }
        throw new IllegalStateException(name + " did not bind its port within " + timeout + "; see " + log);
    }

    /**
     * Waits until this process is ready: its port file names the port it bound, and that port answers
     * {@code /actuator/health} UP and {@code /actuator/info} with this process's instance id.
     *
     * @throws PortInUseException if the service could not bind its port because another process holds it
     */
    void awaitHealthy(Duration timeout, Runnable onWait) throws InterruptedException {
        HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                String written = logSinceStart();
                Matcher inUse = PORT_IN_USE.matcher(written);
                if (inUse.find()) {
                    throw new PortInUseException(name, Integer.parseInt(inUse.group(1)));
                }
                throw new IllegalStateException(name + " exited with code " + process.exitValue() + "; see " + log);
            }
            Optional<Integer> bound = readPortFile();
            if (bound.isPresent()) {
                String base = "http://localhost:" + bound.get();
                Optional<String> answering = instanceIdAt(http, base);
                if (answering.isPresent() && !answering.get().equals(instanceId)) {
                    throw new IllegalStateException(name + " reported port " + bound.get() + ", but another service ("
                            + answering.get() + ") answers there; see " + log);
                }
                if (answering.isPresent() && healthy(http, base)) {
                    boundPort = bound.get();
                    return;
                }
            }
            onWait.run();
            Thread.sleep(500);
        }
        throw new IllegalStateException(name + " did not become healthy within " + timeout + "; see " + log);
    }

    /** The instance id that the service answering at {@code base} reports, if it answers. */
    static Optional<String> instanceIdAt(HttpClient http, String base) throws InterruptedException {
        try {
            HttpResponse<String> response = http.send(
                    HttpRequest.newBuilder(URI.create(base + "/actuator/info"))
                            .timeout(Duration.ofSeconds(2))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                return Optional.empty();
            }
            String id =
                    JSON.readTree(response.body()).path("instance").path("id").asString("");
            return id.isEmpty() ? Optional.empty() : Optional.of(id);
        } catch (IOException | RuntimeException notYetOrNotOurs) {
            return Optional.empty();
        }
    }

    private static boolean healthy(HttpClient http, String base) throws InterruptedException {
        try {
            HttpResponse<String> response = http.send(
                    HttpRequest.newBuilder(URI.create(base + "/actuator/health"))
                            .timeout(Duration.ofSeconds(2))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 && response.body().contains("\"UP\"");
        } catch (IOException notYet) {
            return false;
        }
    }

    private Optional<Integer> readPortFile() {
        try {
            String text = Files.exists(portFile) ? Files.readString(portFile).trim() : "";
            return text.isEmpty() ? Optional.empty() : Optional.of(Integer.parseInt(text));
        } catch (IOException | NumberFormatException beingWritten) {
            return Optional.empty();
        }
    }

    /** What this process wrote to its log since it started (at most 1 MB). */
    String logSinceStart() {
        try (RandomAccessFile file = new RandomAccessFile(log.toFile(), "r")) {
            long length = file.length() - logOffset;
            if (length <= 0) {
                return "";
            }
            byte[] bytes = new byte[(int) Math.min(length, 1_000_000)];
            file.seek(logOffset);
            file.readFully(bytes);
            return new String(bytes, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    /** The port this service was told to bind: 0 when it chooses a free one. */
    int requestedPort() {
        return requestedPort;
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** Ends the process at once (SIGKILL), as a crash or an out-of-memory kill would: no shutdown hooks run. */
    void kill() throws InterruptedException {
        process.destroyForcibly().waitFor();
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroy();
            if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        }
    }
}
