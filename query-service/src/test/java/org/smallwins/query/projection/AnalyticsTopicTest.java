package org.smallwins.query.projection;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.junit.jupiter.api.Test;

/**
 * Issue 16: a withdrawn or erased person's facts must leave the analytics topic within minutes, not only be shadowed by
 * a tombstone while their earlier records stay readable from the topic's start (Kafka's defaults: weekly segments, no
 * compaction deadline). Every query-service test on the embedded broker creates the topic with this declaration.
 */
class AnalyticsTopicTest {

    @Test
    void the_analytics_topic_is_compacted_within_minutes_and_keeps_its_tombstones_long_enough_to_be_seen() {
        NewTopic topic = new ProjectionConfiguration().analyticsTopic(6);
        Map<String, String> configs = topic.configs();

        assertThat(configs).containsEntry(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT);
        long segment = Long.parseLong(configs.get(TopicConfig.SEGMENT_MS_CONFIG));
        long lag = Long.parseLong(configs.get(TopicConfig.MAX_COMPACTION_LAG_MS_CONFIG));
        long tombstones = Long.parseLong(configs.get(TopicConfig.DELETE_RETENTION_MS_CONFIG));
        assertThat(segment + lag)
                .as("the longest an earlier fact stays after its tombstone")
                .isLessThanOrEqualTo(Duration.ofMinutes(30).toMillis());
        assertThat(tombstones).isGreaterThanOrEqualTo(Duration.ofMinutes(30).toMillis());
        assertThat(topic.numPartitions()).isEqualTo(6);
    }
}
