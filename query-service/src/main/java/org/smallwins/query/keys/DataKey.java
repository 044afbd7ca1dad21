package org.smallwins.query.keys;

import java.util.Objects;

/** What the key service says about one data key. Its {@code toString} never shows key material. */
public sealed interface DataKey {

    String keyId();

    /**
     * A live key.
     *
     * @param keyset the Tink binary keyset (AES-256-GCM) that opens this person's payloads
     */
    record Available(String keyId, String userId, byte[] keyset) implements DataKey {

        public Available {
            Objects.requireNonNull(keyId, "keyId");
            Objects.requireNonNull(userId, "userId");
            Objects.requireNonNull(keyset, "keyset");
        }

        @Override
        public String toString() {
            return "Available[keyId=" + keyId + ", userId=" + userId + "]";
        }
    }

    /** The key was destroyed (the person's journal was erased): what it sealed can never be opened again. */
    record Destroyed(String keyId) implements DataKey {}

    /** The key service has never heard of this key. */
    record Unknown(String keyId) implements DataKey {}
}
