package org.smallwins.query.keys;

import java.util.Objects;
import org.smallwins.contract.DataKeyset;

/** What the key service says about one data key. Its {@code toString} never shows key material. */
public sealed interface DataKey {

    String keyId();

    /**
     * A live key.
     *
     * @param userId whose key it is
     * @param keyset the Tink keyset (AES-256-GCM) that opens this person's payloads ({@code toString} shows no key)
     */
    record Available(String keyId, String userId, DataKeyset keyset) implements DataKey {

        public Available {
            Objects.requireNonNull(keyId, "keyId");
            Objects.requireNonNull(userId, "userId");
            Objects.requireNonNull(keyset, "keyset");
        }
    }

    /** The key was destroyed (the person's journal was erased): what it sealed can never be opened again. */
    record Destroyed(String keyId) implements DataKey {}

    /** The key service has never heard of this key. */
    record Unknown(String keyId) implements DataKey {}
}
