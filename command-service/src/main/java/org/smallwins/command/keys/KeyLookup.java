package org.smallwins.command.keys;

import java.time.Instant;

/** What is known of a data key id: live (with the key), destroyed (the journal was erased), or unknown. */
public sealed interface KeyLookup {

    record Live(DataKey key) implements KeyLookup {}

    record Destroyed(String keyId, String userId, Instant destroyedAt) implements KeyLookup {}

    record Unknown(String keyId) implements KeyLookup {}
}
