package org.smallwins.command.keys;

import com.google.crypto.tink.Aead;

/**
 * The key-encryption key (KEK) that wraps every person's data key at rest. The local implementation
 * ({@link LocalKeyEncryptionKey}) is a Tink keyset from configuration. A cloud KMS plugs in as another bean of this type:
 * Tink's {@code KmsClient} for the provider (for example {@code GcpKmsClient} from {@code tink-gcpkms}, or
 * {@code AwsKmsClient} from {@code tink-awskms}) gives an {@link Aead} for a key URI
 * ({@code client.getAead("gcp-kms://projects/…/cryptoKeys/…")}); the data keys then never leave this service unwrapped
 * and the KEK never enters it. Defining such a bean replaces the local one.
 */
public interface KeyEncryptionKey {

    /** Encrypts and decrypts wrapped data keys. */
    Aead aead();
}
