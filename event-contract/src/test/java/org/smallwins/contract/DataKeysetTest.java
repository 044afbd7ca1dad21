package org.smallwins.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class DataKeysetTest {

    static final byte[] AAD = "e-1\nalice\nWinLogged\n1".getBytes(StandardCharsets.UTF_8);
    static final byte[] SECRET = "I asked for help today".getBytes(StandardCharsets.UTF_8);

    @Test
    void a_keyset_carried_in_its_binary_form_opens_what_the_original_sealed() throws GeneralSecurityException {
        DataKeyset original = DataKeyset.generate();
        byte[] sealed = original.seal(SECRET, AAD);

        DataKeyset carried = DataKeyset.fromBinary(original.toBinary());

        assertThat(carried.open(sealed, AAD)).isEqualTo(SECRET);
        assertThat(new String(sealed, StandardCharsets.ISO_8859_1)).doesNotContain("asked for help");
    }

    @Test
    void sealing_the_same_payload_twice_gives_different_ciphertexts() {
        DataKeyset key = DataKeyset.generate();

        assertThat(key.seal(SECRET, AAD)).isNotEqualTo(key.seal(SECRET, AAD));
    }

    @Test
    void another_persons_key_or_other_associated_data_cannot_open_a_payload() {
        DataKeyset alices = DataKeyset.generate();
        byte[] sealed = alices.seal(SECRET, AAD);

        assertThatThrownBy(() -> DataKeyset.generate().open(sealed, AAD)).isInstanceOf(GeneralSecurityException.class);
        assertThatThrownBy(() -> alices.open(sealed, "e-1\nbob\nWinLogged\n1".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(GeneralSecurityException.class);
    }

    @Test
    void bytes_that_are_not_a_keyset_are_refused_and_a_keyset_never_prints_its_key() {
        assertThatThrownBy(() -> DataKeyset.fromBinary(new byte[] {1, 2, 3}))
                .isInstanceOf(IllegalArgumentException.class);
        DataKeyset key = DataKeyset.generate();
        assertThat(key.toString()).startsWith("DataKeyset[primaryKeyId=").doesNotContain("value");
    }
}
