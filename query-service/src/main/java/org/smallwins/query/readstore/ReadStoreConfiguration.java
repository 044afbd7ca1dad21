package org.smallwins.query.readstore;

import com.mongodb.client.MongoClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
class ReadStoreConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(ReadStoreConfiguration.class);

    @Bean
    ReadStore readStore(MongoClient client, @Value("${smallwins.read-store.database:smallwins}") String database) {
        ReadStore store = new ReadStore(client.getDatabase(database));
        if (store.ensureShape()) {
            LOG.info(
                    "The read store held read models of another shape; wiped, to be rebuilt from the topic (shape {})",
                    ReadStore.SHAPE);
        }
        store.ensureIndexes();
        return store;
    }
}
