package org.smallwins.query.projection;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.smallwins.infra.MongoStandIn;

/** The projection contract on the in-JVM MongoDB stand-in, through the real MongoDB driver. */
class ProjectionOnStandInTest extends ProjectionContract {

    static MongoStandIn server;
    static MongoClient client;

    @BeforeAll
    static void start() {
        server = MongoStandIn.start(0);
        client = MongoClients.create(server.connectionString());
    }

    @AfterAll
    static void stop() {
        client.close();
        server.close();
    }

    @Override
    MongoDatabase database() {
        return client.getDatabase("projection-test");
    }
}
