package org.smallwins.command.keys;

import java.util.Objects;
import org.smallwins.contract.DataKeyset;

/** A person's live data key, unwrapped. Never prints the key. */
public record DataKey(String keyId, String userId, DataKeyset keyset) {

    public DataKey {
        Objects.requireNonNull(keyId, "keyId");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(keyset, "keyset");
    }

    @Override
    public String toString() {
        return "DataKey[keyId=" + keyId + ", userId=" + userId + "]";
    }
}
