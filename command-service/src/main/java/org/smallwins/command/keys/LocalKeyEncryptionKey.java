package org.smallwins.command.keys;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.aead.AeadConfig;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import org.springframework.util.StringUtils;

/**
 * The key-encryption key from configuration: a Tink JSON keyset (AEAD, e.g. AES256_GCM) given inline
 * ({@code smallwins.keys.kek}, {@code SMALLWINS_KEK}) or in a file ({@code smallwins.keys.kek-file},
 * {@code SMALLWINS_KEK_FILE}). Exactly one of them must be set; the service does not start otherwise.
 */
final class LocalKeyEncryptionKey implements KeyEncryptionKey {

    private final Aead aead;

    private LocalKeyEncryptionKey(Aead aead) {
        this.aead = aead;
    }

    static LocalKeyEncryptionKey from(KeysProperties properties) {
        String inline = properties.kek();
        boolean hasInline = StringUtils.hasText(inline);
        boolean hasFile = StringUtils.hasText(properties.kekFile());
        if (hasInline == hasFile) {
            throw new IllegalStateException(
                    "Set exactly one of SMALLWINS_KEK (smallwins.keys.kek, a Tink JSON keyset) or SMALLWINS_KEK_FILE "
                            + "(smallwins.keys.kek-file, a file holding one): the key-encryption key that wraps "
                            + "every person's data key");
        }
        String json;
        Path file = hasFile ? Path.of(properties.kekFile()) : null;
        try {
            json = hasInline ? inline : Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("SMALLWINS_KEK_FILE cannot be read: " + file, e);
        }
        try {
            AeadConfig.register();
            return new LocalKeyEncryptionKey(TinkJsonProtoKeysetFormat.parseKeyset(json, InsecureSecretKeyAccess.get())
                    .getPrimitive(RegistryConfiguration.get(), Aead.class));
        } catch (GeneralSecurityException | RuntimeException e) {
            // The message of a parse failure could quote the keyset: never pass it on.
            throw new IllegalStateException(
                    "The key-encryption key (SMALLWINS_KEK / SMALLWINS_KEK_FILE) is not a Tink JSON AEAD keyset");
        }
    }

    @Override
    public Aead aead() {
        return aead;
    }
}
