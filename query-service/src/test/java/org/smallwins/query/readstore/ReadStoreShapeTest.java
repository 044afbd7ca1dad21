package org.smallwins.query.readstore;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.smallwins.infra.MongoStandIn;

/** A read store kept from an older release (another shape of documents) is rebuilt, never misread. */
class ReadStoreShapeTest {

    private MongoStandIn standIn;
    private MongoClient client;
    private MongoDatabase database;
    private ReadStore store;

    @BeforeEach
    void start() {
        standIn = MongoStandIn.start(0);
        client = MongoClients.create(standIn.connectionString());
        database = client.getDatabase("shape-test");
        store = new ReadStore(database);
    }

    @AfterEach
    void stop() {
        client.close();
        standIn.close();
    }

    @Test
    void a_store_kept_from_before_shapes_were_recorded_is_wiped_so_it_is_rebuilt_from_the_topic() {
        database.getCollection(ReadStore.TIMELINE).insertOne(new Document("_id", "an-event-id").append("userId", "a"));
        database.getCollection(ReadStore.CHECKPOINTS).insertOne(new Document("_id", "smallwins.journal-events-0"));

        assertThat(store.ensureShape()).isTrue();

        assertThat(database.getCollection(ReadStore.TIMELINE).countDocuments()).isZero();
        assertThat(database.getCollection(ReadStore.CHECKPOINTS).countDocuments())
                .isZero();
        assertThat(store.ensureShape()).as("marked: the next start keeps it").isFalse();
    }

    @Test
    void a_store_of_another_shape_is_wiped_and_one_of_this_shape_is_kept() {
        database.getCollection(ReadStore.META).insertOne(new Document("_id", "shape").append("value", 1));
        database.getCollection(ReadStore.TIMELINE).insertOne(new Document("_id", "an-event-id"));
        assertThat(store.ensureShape()).isTrue();
        assertThat(database.getCollection(ReadStore.TIMELINE).countDocuments()).isZero();

        database.getCollection(ReadStore.TIMELINE).insertOne(new Document("_id", "alice|w1"));
        database.getCollection(ReadStore.CHECKPOINTS).insertOne(new Document("_id", "smallwins.journal-events-0"));
        assertThat(store.ensureShape()).isFalse();
        assertThat(database.getCollection(ReadStore.TIMELINE).countDocuments()).isOne();
        assertThat(database.getCollection(ReadStore.CHECKPOINTS).countDocuments())
                .isOne();
    }

    @Test
    void an_empty_store_is_marked_and_nothing_is_wiped() {
        assertThat(store.ensureShape()).isFalse();
        assertThat(database.getCollection(ReadStore.META).find().first()).containsEntry("value", ReadStore.SHAPE);
    }
}
