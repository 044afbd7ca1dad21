package org.smallwins.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.info.Info;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class PlatformInstanceConfigurationTest {

    final PlatformInstanceConfiguration configuration = new PlatformInstanceConfiguration();

    static Object reported(PlatformInstanceConfiguration.InstanceInfoContributor contributor) {
        Info.Builder builder = new Info.Builder();
        contributor.contribute(builder);
        return builder.build().getDetails().get("instance");
    }

    @Test
    void an_instance_reports_the_id_it_was_given() {
        assertThat(reported(configuration.instanceInfoContributor("launcher-given-id")))
                .isEqualTo(Map.of("id", "launcher-given-id"));
    }

    @Test
    void an_instance_given_no_id_reports_a_random_one_of_its_own() {
        Object first = reported(configuration.instanceInfoContributor(""));
        Object second = reported(configuration.instanceInfoContributor(" "));
        assertThat(first).isNotEqualTo(second);
        assertThat(((Map<?, ?>) first).get("id").toString()).hasSize(36);
    }
}
