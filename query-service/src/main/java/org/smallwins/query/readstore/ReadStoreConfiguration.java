package org.smallwins.query.readstore;

import com.mongodb.client.MongoClient;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
class ReadStoreConfiguration {

    @Bean
    ReadStore readStore(MongoClient client, @Value("${smallwins.read-store.database:smallwins}") String database) {
        ReadStore store = new ReadStore(client.getDatabase(database));
        store.ensureIndexes();
        return store;
    }
}
