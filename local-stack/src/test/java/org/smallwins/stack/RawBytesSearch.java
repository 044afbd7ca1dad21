package org.smallwins.stack;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import tools.jackson.core.io.JsonStringEncoder;

/**
 * Looks for text in the raw bytes of every file under some directories, the way someone holding a copy of the disk
 * would: each file read as bytes (in chunks that overlap by the longest needle, so a hit across a chunk's edge is
 * found), each needle in every form it could be written in.
 */
final class RawBytesSearch {

    /** A needle found in a file. */
    record Hit(Path file, String form) {}

    private final Map<String, byte[]> needles = new LinkedHashMap<>();
    private long filesSearched;
    private long bytesSearched;

    /**
     * Searches for {@code text} as UTF-8, as JSON writes it inside a string (quotes, backslashes and control characters
     * escaped), and as JSON with every non-ASCII character escaped ({@code \\u00fc}, upper- and lower-case hex).
     */
    RawBytesSearch text(String label, String text) {
        String json = new String(JsonStringEncoder.getInstance().quoteAsCharArray(text));
        form(label + " (UTF-8)", text);
        form(label + " (JSON-escaped)", json);
        form(label + " (JSON, \\u-escaped)", asciiEscaped(json, "%04x"));
        form(label + " (JSON, \\U-escaped)", asciiEscaped(json, "%04X"));
        return this;
    }

    /** A form of a needle, unless the same bytes are searched for already. */
    private void form(String label, String written) {
        byte[] bytes = written.getBytes(StandardCharsets.UTF_8);
        if (needles.values().stream().noneMatch(existing -> java.util.Arrays.equals(existing, bytes))) {
            needles.put(label, bytes);
        }
    }

    private static String asciiEscaped(String json, String hex) {
        StringBuilder out = new StringBuilder();
        json.codePoints().forEach(c -> {
            if (c < 0x80) {
                out.appendCodePoint(c);
            } else {
                for (char unit : Character.toChars(c)) {
                    out.append("\\u").append(String.format(hex, (int) unit));
                }
            }
        });
        return out.toString();
    }

    /** The forms searched for, by label. */
    Map<String, byte[]> needles() {
        return needles;
    }

    /** Every needle found in every regular file under {@code roots}. */
    List<Hit> in(Path... roots) throws IOException {
        List<Hit> hits = new ArrayList<>();
        for (Path root : roots) {
            if (!Files.exists(root)) {
                throw new IllegalArgumentException(root + " does not exist");
            }
            List<Path> files;
            try (Stream<Path> walk = Files.walk(root)) {
                files = walk.filter(Files::isRegularFile).sorted().toList();
            }
            for (Path file : files) {
                hits.addAll(inFile(file));
            }
        }
        return hits;
    }

    /** How many files and bytes the searches so far read. */
    long filesSearched() {
        return filesSearched;
    }

    long bytesSearched() {
        return bytesSearched;
    }

    private List<Hit> inFile(Path file) throws IOException {
        int longest = needles.values().stream().mapToInt(n -> n.length).max().orElse(1);
        byte[] buffer = new byte[Math.max(1 << 22, longest * 2)];
        Map<String, Boolean> found = new LinkedHashMap<>();
        int kept = 0;
        try (InputStream in = Files.newInputStream(file)) {
            while (true) {
                int read = in.readNBytes(buffer, kept, buffer.length - kept);
                int length = kept + read;
                bytesSearched += read;
                // ISO-8859-1 maps every byte to one char, so String.indexOf searches bytes
                String window = new String(buffer, 0, length, StandardCharsets.ISO_8859_1);
                needles.forEach((label, needle) -> {
                    if (window.contains(new String(needle, StandardCharsets.ISO_8859_1))) {
                        found.put(label, true);
                    }
                });
                if (read == 0 || length < buffer.length) {
                    break;
                }
                kept = Math.min(longest - 1, length);
                System.arraycopy(buffer, length - kept, buffer, 0, kept);
            }
        } catch (java.nio.file.NoSuchFileException | java.nio.file.AccessDeniedException gone) {
            return List.of(); // a temporary file removed while searching, or a socket/lock file
        }
        filesSearched++;
        return found.keySet().stream().map(label -> new Hit(file, label)).toList();
    }
}
