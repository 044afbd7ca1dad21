package org.smallwins.command.relay;

import java.util.Map;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.smallwins.contract.JournalTopic;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;

/** The relay's processor and its topic. */
@Configuration
class RelayConfiguration {

    static final String PROCESSING_GROUP = "kafka-relay";

    /**
     * Axon's default handler logs a failed event and moves on, which would lose it on the topic. The relay instead
     * propagates every failure so the processor retries from its last stored position.
     */
    @Autowired
    void propagateRelayErrors(EventProcessingConfigurer processing) {
        processing.registerListenerInvocationErrorHandler(PROCESSING_GROUP, c -> PropagatingErrorHandler.instance());
    }

    /** The journal topic keeps every event forever: it is the source every read model can be rebuilt from. */
    @Bean
    NewTopic journalTopic(
            @Value("${smallwins.topic.partitions:6}") int partitions,
            @Value("${smallwins.topic.replicas:1}") short replicas) {
        return TopicBuilder.name(JournalTopic.NAME)
                .partitions(partitions)
                .replicas(replicas)
                .configs(Map.of(TopicConfig.RETENTION_MS_CONFIG, "-1", TopicConfig.RETENTION_BYTES_CONFIG, "-1"))
                .build();
    }
}
