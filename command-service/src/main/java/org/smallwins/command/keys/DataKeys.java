package org.smallwins.command.keys;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.TinkProtoKeysetFormat;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.smallwins.contract.DataKeyset;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Every person's data key, in PostgreSQL ({@code journal_data_keys}) wrapped by the {@link KeyEncryptionKey}, with the
 * user id and key id as the wrapping's associated data (a wrapped key cannot be moved to another person or id). A
 * person has at most one live key (a partial unique index); it is created with their first event, in the same
 * transaction as its append, so a rolled-back first append leaves no key behind. Destroying it (erasure) removes the
 * wrapped key and keeps the row as the record that it existed: everything sealed with it can never be opened again.
 *
 * <p>Every lookup asks the table (inside the caller's transaction when there is one), so a key destroyed by any
 * instance is never used again by another; only the unwrapping is cached (bounded, expiring when unused). Thread-safe.
 * Never logs keys.
 */
public class DataKeys {

    private final JdbcTemplate jdbc;
    private final KeyEncryptionKey kek;
    private final Clock clock;
    private final Cache<String, DataKey> unwrapped;

    public DataKeys(JdbcTemplate jdbc, KeyEncryptionKey kek, Clock clock, KeysProperties properties) {
        this.jdbc = jdbc;
        this.kek = kek;
        this.clock = clock;
        this.unwrapped = Caffeine.newBuilder()
                .maximumSize(properties.cacheSize())
                .expireAfterAccess(properties.cacheTtl())
                .build();
    }

    /** The person's live key; created now, in the caller's transaction, if they have none. */
    public DataKey forWriting(String userId) {
        return live(userId).orElseGet(() -> create(userId));
    }

    /** The person's live key, if they have one. */
    public Optional<DataKey> live(String userId) {
        return jdbc
                .query(
                        "SELECT key_id, wrapped_keyset FROM journal_data_keys WHERE user_id = ? AND destroyed_at IS NULL",
                        (rs, row) -> unwrap(rs.getString("key_id"), userId, rs.getBytes("wrapped_keyset")),
                        userId)
                .stream()
                .findFirst();
    }

    /** What is known of a key id: live (unwrapped), destroyed, or unknown. */
    public KeyLookup find(String keyId) {
        List<KeyLookup> found = jdbc.query(
                "SELECT user_id, wrapped_keyset, destroyed_at FROM journal_data_keys WHERE key_id = ?",
                (rs, row) -> {
                    String userId = rs.getString("user_id");
                    Timestamp destroyedAt = rs.getTimestamp("destroyed_at");
                    if (destroyedAt != null) {
                        unwrapped.invalidate(keyId);
                        return new KeyLookup.Destroyed(keyId, userId, destroyedAt.toInstant());
                    }
                    return new KeyLookup.Live(unwrap(keyId, userId, rs.getBytes("wrapped_keyset")));
                },
                keyId);
        return found.isEmpty() ? new KeyLookup.Unknown(keyId) : found.get(0);
    }

    /**
     * Destroys the person's live key (crypto-shredding): everything sealed with it becomes unreadable everywhere, the
     * event store, the topic and any copy of them. The hook for erasure: the answer holds the receipt's key facts, and
     * is empty if the person has no live key. The next event of the same person gets a new key.
     */
    public Optional<DestroyedKey> destroy(String userId) {
        Instant now = clock.instant();
        List<DestroyedKey> destroyed = jdbc.query(
                "UPDATE journal_data_keys SET wrapped_keyset = NULL, destroyed_at = ? "
                        + "WHERE user_id = ? AND destroyed_at IS NULL RETURNING key_id, created_at, destroyed_at",
                (rs, row) -> new DestroyedKey(
                        rs.getString("key_id"),
                        userId,
                        rs.getTimestamp("created_at").toInstant(),
                        rs.getTimestamp("destroyed_at").toInstant()),
                Timestamp.from(now),
                userId);
        destroyed.forEach(key -> unwrapped.invalidate(key.keyId()));
        return destroyed.stream().findFirst();
    }

    private DataKey create(String userId) {
        String keyId = UUID.randomUUID().toString();
        DataKeyset keyset = DataKeyset.generate();
        byte[] wrapped;
        try {
            wrapped = TinkProtoKeysetFormat.serializeEncryptedKeyset(
                    keyset.handle(), kek.aead(), associatedData(userId, keyId));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot wrap a new data key", e);
        }
        int inserted = jdbc.update(
                "INSERT INTO journal_data_keys (key_id, user_id, wrapped_keyset, created_at) VALUES (?, ?, ?, ?) "
                        + "ON CONFLICT (user_id) WHERE destroyed_at IS NULL DO NOTHING",
                keyId,
                userId,
                wrapped,
                Timestamp.from(clock.instant()));
        if (inserted == 1) {
            DataKey key = new DataKey(keyId, userId, keyset);
            unwrapped.put(keyId, key);
            return key;
        }
        // Another transaction created this person's key first (and has committed: the insert waited for it).
        return live(userId).orElseThrow(() -> new IllegalStateException("a data key was created and lost at once"));
    }

    private DataKey unwrap(String keyId, String userId, byte[] wrapped) {
        DataKey key = unwrapped.get(keyId, id -> {
            try {
                KeysetHandle handle =
                        TinkProtoKeysetFormat.parseEncryptedKeyset(wrapped, kek.aead(), associatedData(userId, keyId));
                return new DataKey(keyId, userId, DataKeyset.of(handle));
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(
                        "data key " + keyId + " cannot be unwrapped: another key-encryption key, or altered", e);
            }
        });
        if (!key.userId().equals(userId)) {
            throw new IllegalStateException("data key " + keyId + " belongs to another person");
        }
        return key;
    }

    /** The wrapping's associated data: UTF-8 of {@code userId \n keyId}. */
    static byte[] associatedData(String userId, String keyId) {
        return (userId + "\n" + keyId).getBytes(StandardCharsets.UTF_8);
    }
}
