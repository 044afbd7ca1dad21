package org.smallwins.command;

import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import java.security.GeneralSecurityException;
import org.springframework.test.context.DynamicPropertyRegistry;

/** A key-encryption key and a key access token for tests, made once per JVM. */
public final class TestKeys {

    public static final String KEK = newKek();
    public static final String ACCESS_TOKEN = "test-key-access-" + java.util.UUID.randomUUID();

    private TestKeys() {}

    /** A fresh Tink JSON AES256_GCM keyset, as {@code SMALLWINS_KEK} takes it. */
    public static String newKek() {
        try {
            AeadConfig.register();
            return TinkJsonProtoKeysetFormat.serializeKeyset(
                    KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM), InsecureSecretKeyAccess.get());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public static void register(DynamicPropertyRegistry registry) {
        registry.add("smallwins.keys.kek", () -> KEK);
        registry.add("smallwins.keys.access-token", () -> ACCESS_TOKEN);
    }
}
