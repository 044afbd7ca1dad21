package org.smallwins.query.projection;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.smallwins.contract.EventEnvelope;
import org.smallwins.contract.FocusArea;
import org.smallwins.contract.ToleranceWindow;
import org.smallwins.infra.MongoStandIn;
import org.smallwins.query.readstore.ReadStore;
import org.smallwins.query.timeline.TimelineEntry;
import org.smallwins.query.timeline.TimelineQueries;
import org.smallwins.query.trends.TrendQueries;
import org.threeten.extra.YearWeek;

/**
 * The projection contract on the MongoDB stand-in as {@code ./run} uses it: kept in a file (H2 MVStore backend), so it
 * is known to behave like the in-memory one; and what it keeps is there again after the stand-in is stopped and started
 * on the same file.
 */
class ProjectionOnPersistentStandInTest extends ProjectionContract {

    @TempDir
    static Path directory;

    static Path file;
    static MongoStandIn server;
    static MongoClient client;

    @BeforeAll
    static void start() {
        file = directory.resolve("read-store").resolve("read-models.mv");
        open();
    }

    @AfterAll
    static void stop() {
        client.close();
        server.close();
    }

    static void open() {
        server = MongoStandIn.start(file, 0);
        client = MongoClients.create(server.connectionString());
    }

    @Override
    MongoDatabase database() {
        return client.getDatabase("projection-test");
    }

    @Test
    void read_models_and_checkpoints_are_there_again_when_the_stand_in_is_started_again_on_its_file() {
        List<EventEnvelope> events = List.of(
                win(ALICE, "w1", FocusArea.REST, LocalDateTime.of(2026, 11, 16, 9, 0), BERLIN),
                checkIn(ALICE, "c1", 2, 1, ToleranceWindow.HYPOAROUSED, LocalDateTime.of(2026, 11, 18, 8, 0), BERLIN),
                win(ALICE, "w2", FocusArea.CONNECTION, LocalDateTime.of(2026, 11, 19, 9, 0), BERLIN),
                win(BOB, "b1", FocusArea.BOUNDARIES, LocalDateTime.of(2026, 11, 20, 9, 0), BERLIN));
        projection.apply(events);
        new Checkpoints(store, "journal-projection").advance("journal", 0, null, 4);
        List<Document> before = everything(store);

        stop();
        assertThat(file).isRegularFile();
        assertThat(fileSize()).isPositive();
        open();

        ReadStore reopened = new ReadStore(database());
        assertThat(everything(reopened)).isEqualTo(before);
        assertThat(new Checkpoints(reopened, "journal-projection").nextOffset("journal", 0))
                .hasValue(4);
        assertThat(new TimelineQueries(reopened)
                        .page(ALICE, null, null, null, 10, null)
                        .items())
                .extracting(TimelineEntry::id)
                .containsExactly("w2", "c1", "w1");
        List<String> indexed = new ArrayList<>();
        reopened.timeline().listIndexes().forEach(index -> indexed.add(index.getString("name")));
        assertThat(indexed).as("the timeline's indexes are kept too").hasSizeGreaterThan(1);

        // The per-person sequences kept in the documents still guard them: redelivering the same events changes
        // nothing.
        new JournalProjection(reopened).apply(events);
        assertThat(everything(reopened)).isEqualTo(before);
        assertThat(new TrendQueries(reopened, Clock.systemUTC())
                        .week(ALICE, YearWeek.parse("2026-W47"))
                        .wins())
                .isEqualTo(2);
    }

    private static long fileSize() {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Document> everything(ReadStore store) {
        List<Document> all = new ArrayList<>();
        for (var collection : List.of(store.timeline(), store.weeks(), store.journals(), store.checkpoints())) {
            collection.find().sort(new Document("_id", 1)).into(all);
        }
        return all;
    }
}
