package org.smallwins.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class KeyEncryptionKeyFileTest {

    @TempDir
    Path data;

    @Test
    void the_first_start_generates_a_keyset_only_the_owner_can_read_and_later_starts_reuse_it() throws Exception {
        Path file = KeyEncryptionKeyFile.loadOrCreate(data);

        assertThat(file).isEqualTo(data.resolve("keys").resolve("kek.json"));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                .isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent())))
                .isEqualTo("rwx------");
        String keyset = Files.readString(file);
        assertThat(keyset).contains("AesGcmKey").contains("\"primaryKeyId\"");

        assertThat(KeyEncryptionKeyFile.loadOrCreate(data)).isEqualTo(file);
        assertThat(Files.readString(file)).isEqualTo(keyset);
        try (var files = Files.list(file.getParent())) {
            assertThat(files).containsExactly(file);
        }
    }

    @Test
    void a_kept_file_readable_by_others_is_narrowed_to_its_owner() throws Exception {
        Path file = KeyEncryptionKeyFile.loadOrCreate(data);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));

        KeyEncryptionKeyFile.loadOrCreate(data);

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                .isEqualTo("rw-------");
    }

    @Test
    void a_damaged_key_file_stops_the_start_instead_of_being_replaced() throws Exception {
        Path file = KeyEncryptionKeyFile.loadOrCreate(data);
        Files.writeString(file, "{ damaged");

        assertThatThrownBy(() -> KeyEncryptionKeyFile.loadOrCreate(data))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("kek.json")
                .hasMessageContaining("not a Tink keyset");
        assertThat(Files.readString(file)).isEqualTo("{ damaged");
    }
}
