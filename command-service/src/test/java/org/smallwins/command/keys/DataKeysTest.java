package org.smallwins.command.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.smallwins.command.TestKeys;
import org.smallwins.infra.PostgresServer;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;
import org.springframework.transaction.support.TransactionTemplate;

/** The data keys on a real PostgreSQL with the service's own schema. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class DataKeysTest {

    static PostgresServer postgres;
    static DataSource dataSource;
    static JdbcTemplate jdbc;

    @BeforeAll
    static void start() throws Exception {
        postgres = PostgresServer.start(null, 0);
        dataSource = postgres.dataSource();
        new ResourceDatabasePopulator(new ClassPathResource("schema.sql")).execute(dataSource);
        jdbc = new JdbcTemplate(dataSource);
    }

    @AfterAll
    static void stop() throws Exception {
        postgres.close();
    }

    static KeysProperties properties(String kek) {
        return new KeysProperties(kek, null, "token", 100, java.time.Duration.ofMinutes(1));
    }

    static DataKeys keys(String kek) {
        return new DataKeys(jdbc, LocalKeyEncryptionKey.from(properties(kek)), Clock.systemUTC(), properties(kek));
    }

    final DataKeys keys = keys(TestKeys.KEK);

    static String person() {
        return "person-" + UUID.randomUUID();
    }

    @Test
    void a_persons_key_is_created_once_and_is_stored_only_wrapped_by_the_key_encryption_key() throws Exception {
        String alice = person();

        DataKey first = keys.forWriting(alice);
        DataKey again = keys.forWriting(alice);

        assertThat(again.keyId()).isEqualTo(first.keyId());
        assertThat(keys.forWriting(person()).keyId()).isNotEqualTo(first.keyId());
        byte[] wrapped = jdbc.queryForObject(
                "select wrapped_keyset from journal_data_keys where key_id = ?", byte[].class, first.keyId());
        assertThat(wrapped).isNotEqualTo(first.keyset().toBinary());
        // Opened by another instance (nothing cached) with the same key-encryption key: the same key.
        byte[] sealed = first.keyset().seal("Today I".getBytes(StandardCharsets.UTF_8), new byte[0]);
        KeyLookup found = keys(TestKeys.KEK).find(first.keyId());
        assertThat(found).isInstanceOf(KeyLookup.Live.class);
        assertThat(((KeyLookup.Live) found).key().keyset().open(sealed, new byte[0]))
                .isEqualTo("Today I".getBytes(StandardCharsets.UTF_8));
        assertThat(((KeyLookup.Live) found).key().userId()).isEqualTo(alice);
    }

    @Test
    void a_wrapped_key_does_not_open_with_another_key_encryption_key_nor_when_moved_to_another_person() {
        String alice = person();
        DataKey key = keys.forWriting(alice);

        assertThatThrownBy(() -> keys(TestKeys.newKek()).find(key.keyId()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("cannot be unwrapped");
        jdbc.update("update journal_data_keys set user_id = ? where key_id = ?", "mallory-" + alice, key.keyId());
        assertThatThrownBy(() -> keys(TestKeys.KEK).find(key.keyId()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("cannot be unwrapped");
    }

    @Test
    void destroying_a_key_leaves_only_the_record_that_it_existed_and_the_next_key_is_new() {
        String alice = person();
        DataKey key = keys.forWriting(alice);

        var receipt = keys.destroy(alice);

        assertThat(receipt).hasValueSatisfying(r -> {
            assertThat(r.keyId()).isEqualTo(key.keyId());
            assertThat(r.userId()).isEqualTo(alice);
        });
        assertThat(keys.find(key.keyId())).isInstanceOf(KeyLookup.Destroyed.class);
        assertThat(keys(TestKeys.KEK).find(key.keyId())).as("another instance").isInstanceOf(KeyLookup.Destroyed.class);
        assertThat(keys.live(alice)).isEmpty();
        assertThat(keys.destroy(alice)).isEmpty();
        assertThat(jdbc.queryForObject(
                        "select wrapped_keyset is null and destroyed_at is not null from journal_data_keys "
                                + "where key_id = ?",
                        Boolean.class,
                        key.keyId()))
                .isTrue();
        DataKey next = keys.forWriting(alice);
        assertThat(next.keyId()).isNotEqualTo(key.keyId());
        assertThat(keys.find("no-such-key")).isEqualTo(new KeyLookup.Unknown("no-such-key"));
        assertThat(jdbc.queryForObject(
                        "select count(*) from journal_data_keys where user_id = ?", Integer.class, alice))
                .isEqualTo(2);
    }

    @Test
    void two_first_writes_of_one_person_at_once_agree_on_one_key_and_a_rolled_back_one_leaves_none() throws Exception {
        TransactionTemplate transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        String alice = person();
        CompletableFuture<String> rival = new CompletableFuture<>();

        String first = transactions.execute(status -> {
            String mine = keys.forWriting(alice).keyId();
            // The rival's first write starts while this one has not committed.
            CompletableFuture.runAsync(() -> {
                try {
                    rival.complete(transactions.execute(
                            s -> keys(TestKeys.KEK).forWriting(alice).keyId()));
                } catch (RuntimeException e) {
                    rival.completeExceptionally(e);
                }
            });
            try {
                Thread.sleep(300);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return mine;
        });

        assertThat(rival.get(10, TimeUnit.SECONDS)).isEqualTo(first);
        String bob = person();
        transactions.executeWithoutResult(status -> {
            keys.forWriting(bob);
            status.setRollbackOnly();
        });
        assertThat(keys(TestKeys.KEK).live(bob)).isEmpty();
    }
}
