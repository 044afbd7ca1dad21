package org.smallwins.journal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.smallwins.contract.CheckInRecorded;
import org.smallwins.contract.FocusArea;
import org.smallwins.contract.ToleranceWindow;
import org.smallwins.contract.WinLogged;

/**
 * The content hash is stored (in journal snapshots and CRUD rows), so its encoding is pinned here, written out a second
 * way: changing it means every stored mark stops matching its retries (then raise the journal's snapshot revision).
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class ContentHashTest {

    static String sha256(byte[] bytes) throws Exception {
        return Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    static void string(DataOutputStream out, String value) throws IOException {
        byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
        out.writeInt(utf8.length);
        out.write(utf8);
    }

    @Test
    void of_a_win_is_the_sha256_of_type_text_focus_area_and_each_tag_length_prefixed() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        string(out, "WinLogged");
        string(out, "I rested 🌱");
        string(out, "REST");
        out.writeInt(2);
        string(out, "a, b");
        string(out, "é");

        assertThat(ContentHash.of(new WinLogged("w1", "I rested 🌱", FocusArea.REST, List.of("a, b", "é"))))
                .isEqualTo(sha256(bytes.toByteArray()))
                .hasSize(43);
    }

    @Test
    void of_a_check_in_marks_the_note_present_or_absent() throws Exception {
        ByteArrayOutputStream withNote = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(withNote);
        string(out, "CheckInRecorded");
        out.writeInt(2);
        out.writeInt(5);
        string(out, "WITHIN");
        out.writeByte(1);
        string(out, "null");
        ByteArrayOutputStream withoutNote = new ByteArrayOutputStream();
        out = new DataOutputStream(withoutNote);
        string(out, "CheckInRecorded");
        out.writeInt(2);
        out.writeInt(5);
        string(out, "WITHIN");
        out.writeByte(0);

        assertThat(ContentHash.of(new CheckInRecorded("c1", 2, 5, ToleranceWindow.WITHIN, "null")))
                .isEqualTo(sha256(withNote.toByteArray()));
        assertThat(ContentHash.of(new CheckInRecorded("c1", 2, 5, ToleranceWindow.WITHIN, null)))
                .isEqualTo(sha256(withoutNote.toByteArray()));
    }

    @Test
    void does_not_depend_on_the_entry_id() {
        assertThat(ContentHash.of(new WinLogged("w1", "I rested", FocusArea.REST, List.of())))
                .isEqualTo(ContentHash.of(new WinLogged("w2", "I rested", FocusArea.REST, List.of())));
    }
}
