package org.smallwins.command.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.smallwins.command.TestKeys;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class LocalKeyEncryptionKeyTest {

    static KeysProperties kek(String inline, String file) {
        return new KeysProperties(inline, file, "token", 10, Duration.ofMinutes(1));
    }

    @Test
    void without_a_key_encryption_key_the_service_does_not_start_and_says_what_to_set() {
        assertThatThrownBy(() -> LocalKeyEncryptionKey.from(kek(null, null)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("SMALLWINS_KEK")
                .hasMessageContaining("SMALLWINS_KEK_FILE");
        assertThatThrownBy(() -> LocalKeyEncryptionKey.from(kek(" ", ""))).hasMessageContaining("SMALLWINS_KEK");
    }

    @Test
    void both_an_inline_key_and_a_file_is_refused_as_ambiguous(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("kek.json"), TestKeys.KEK);

        assertThatThrownBy(() -> LocalKeyEncryptionKey.from(kek(TestKeys.KEK, file.toString())))
                .hasMessageContaining("exactly one");
    }

    @Test
    void a_key_from_a_file_wraps_what_the_same_key_inline_unwraps(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("kek.json"), TestKeys.KEK);
        byte[] ad = "alice\nk1".getBytes();

        byte[] wrapped =
                LocalKeyEncryptionKey.from(kek(null, file.toString())).aead().encrypt(new byte[] {1, 2, 3}, ad);

        assertThat(LocalKeyEncryptionKey.from(kek(TestKeys.KEK, null)).aead().decrypt(wrapped, ad))
                .containsExactly(1, 2, 3);
    }

    @Test
    void a_value_that_is_not_a_keyset_is_refused_without_being_repeated() {
        String secretLooking = "{\"primaryKeyId\": 1, \"key\": \"hunter2-super-secret\"}";

        assertThatThrownBy(() -> LocalKeyEncryptionKey.from(kek(secretLooking, null)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("not a Tink JSON AEAD keyset")
                .hasMessageNotContaining("hunter2")
                .hasNoCause();
        assertThatThrownBy(() -> LocalKeyEncryptionKey.from(kek(null, "/no/such/kek.json")))
                .hasMessageContaining("cannot be read");
    }
}
