package org.smallwins.contract;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.TinkProtoKeysetFormat;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import java.security.GeneralSecurityException;
import java.util.Objects;

/**
 * One person's data key: a Google Tink AEAD keyset (AES256_GCM), the one mechanism both services use to seal and open
 * journal payloads. Its portable form is Tink's binary keyset format ({@link #toBinary()}), which the command side
 * stores wrapped by its key-encryption key and hands (base64) to the query side through the key endpoint. Thread-safe;
 * never prints key material.
 */
public final class DataKeyset {

    static {
        try {
            AeadConfig.register();
        } catch (GeneralSecurityException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final KeysetHandle handle;
    private final Aead aead;

    private DataKeyset(KeysetHandle handle) throws GeneralSecurityException {
        this.handle = handle;
        this.aead = handle.getPrimitive(RegistryConfiguration.get(), Aead.class);
    }

    /** A fresh AES256_GCM keyset. */
    public static DataKeyset generate() {
        try {
            return new DataKeyset(KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot generate a data key", e);
        }
    }

    /**
     * A keyset from Tink's binary keyset format (as {@link #toBinary()} writes it).
     *
     * @throws IllegalArgumentException if the bytes are not an AEAD keyset
     */
    public static DataKeyset fromBinary(byte[] keyset) {
        Objects.requireNonNull(keyset, "keyset");
        try {
            return new DataKeyset(TinkProtoKeysetFormat.parseKeyset(keyset, InsecureSecretKeyAccess.get()));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("not a Tink AEAD keyset", e);
        }
    }

    /** An already parsed keyset (for example one unwrapped with a key-encryption key). */
    public static DataKeyset of(KeysetHandle handle) {
        Objects.requireNonNull(handle, "handle");
        try {
            return new DataKeyset(handle);
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("not a Tink AEAD keyset", e);
        }
    }

    /** The keyset in Tink's binary keyset format, key material included: keep it wrapped or in transit over TLS only. */
    public byte[] toBinary() {
        try {
            return TinkProtoKeysetFormat.serializeKeyset(handle, InsecureSecretKeyAccess.get());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot serialise a data key", e);
        }
    }

    /** The Tink handle, for wrapping with a key-encryption key ({@code TinkProtoKeysetFormat.serializeEncryptedKeyset}). */
    public KeysetHandle handle() {
        return handle;
    }

    /** Encrypts and authenticates {@code plaintext}, bound to {@code associatedData} (which is not encrypted). */
    public byte[] seal(byte[] plaintext, byte[] associatedData) {
        try {
            return aead.encrypt(plaintext, associatedData);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot seal a payload", e);
        }
    }

    /**
     * The plaintext of {@code ciphertext}.
     *
     * @throws GeneralSecurityException if the ciphertext was not sealed with this key and exactly this associated
     *     data, or was altered
     */
    public byte[] open(byte[] ciphertext, byte[] associatedData) throws GeneralSecurityException {
        return aead.decrypt(ciphertext, associatedData);
    }

    @Override
    public String toString() {
        return "DataKeyset[primaryKeyId=" + handle.getPrimary().getId() + "]";
    }
}
