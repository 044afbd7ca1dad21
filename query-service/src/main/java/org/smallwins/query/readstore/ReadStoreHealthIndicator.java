package org.smallwins.query.readstore;

import com.mongodb.client.MongoClient;
import org.bson.Document;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Health of the read store through the {@code ping} command, which every MongoDB server and the in-JVM stand-in
 * answer (Spring Boot's own indicator uses {@code hello}, which the stand-in does not know).
 */
@Component
class ReadStoreHealthIndicator implements HealthIndicator {

    private final MongoClient client;
    private final String database;

    ReadStoreHealthIndicator(MongoClient client, @Value("${smallwins.read-store.database:smallwins}") String database) {
        this.client = client;
        this.database = database;
    }

    @Override
    public Health health() {
        try {
            Document answer = client.getDatabase(database).runCommand(new Document("ping", 1));
            return answer.get("ok", Number.class).doubleValue() == 1.0 ? Health.up().build() : Health.down().build();
        } catch (RuntimeException e) {
            return Health.down().withDetail("error", e.getClass().getSimpleName()).build();
        }
    }
}
