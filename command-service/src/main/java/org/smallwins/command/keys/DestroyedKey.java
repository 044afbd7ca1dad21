package org.smallwins.command.keys;

import java.time.Instant;

/**
 * The facts of a destroyed data key, for an erasure receipt: no key material, no journal content.
 *
 * @param keyId       which key was destroyed
 * @param userId      whose
 * @param createdAt   when it was created (with the journal's first event)
 * @param destroyedAt when it was destroyed
 */
public record DestroyedKey(String keyId, String userId, Instant createdAt, Instant destroyedAt) {}
