package org.smallwins.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The search the raw-bytes proof relies on finds what it looks for, in every form, wherever it lies in a file. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class RawBytesSearchTest {

    static final String SENTENCE = "Heute habe ich \"Nein\" gesagt, grüß dich";

    @TempDir
    Path root;

    @Test
    void a_sentence_is_found_as_utf_8_as_json_escaped_and_as_ascii_escaped_json_and_in_no_other_file()
            throws Exception {
        Files.createDirectories(root.resolve("a/b"));
        Files.write(root.resolve("a/utf8.bin"), bytes("\u0000\u0001", SENTENCE, "\u00ff"));
        Files.writeString(
                root.resolve("a/b/event.json"), "{\"text\":\"Heute habe ich \\\"Nein\\\" gesagt, grüß dich\"}");
        Files.writeString(
                root.resolve("a/b/ascii.json"),
                "{\"text\":\"Heute habe ich \\\"Nein\\\" gesagt, gr\\u00fc\\u00df dich\"}");
        Files.writeString(root.resolve("a/other.txt"), "Heute habe ich Ja gesagt");

        RawBytesSearch search = new RawBytesSearch().text("sentence", SENTENCE);

        assertThat(search.in(root))
                .containsExactlyInAnyOrder(
                        new RawBytesSearch.Hit(root.resolve("a/b/ascii.json"), "sentence (JSON, \\u-escaped)"),
                        new RawBytesSearch.Hit(root.resolve("a/b/event.json"), "sentence (JSON-escaped)"),
                        new RawBytesSearch.Hit(root.resolve("a/utf8.bin"), "sentence (UTF-8)"));
        assertThat(search.filesSearched()).isEqualTo(4);
    }

    @Test
    void a_sentence_across_the_edge_of_a_read_chunk_of_a_large_file_is_found() throws Exception {
        byte[] sentence = SENTENCE.getBytes(StandardCharsets.UTF_8);
        byte[] large = new byte[(1 << 22) + 4096];
        Arrays.fill(large, (byte) 'x');
        System.arraycopy(sentence, 0, large, (1 << 22) - 10, sentence.length); // straddles the first 4 MiB chunk
        Files.write(root.resolve("segment.log"), large);

        assertThat(new RawBytesSearch().text("sentence", SENTENCE).in(root))
                .containsExactly(new RawBytesSearch.Hit(root.resolve("segment.log"), "sentence (UTF-8)"));
    }

    private static byte[] bytes(String before, String text, String after) {
        return (before + text + after).getBytes(StandardCharsets.UTF_8);
    }
}
