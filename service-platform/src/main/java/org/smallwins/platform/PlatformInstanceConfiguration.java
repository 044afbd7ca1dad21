package org.smallwins.platform;

import java.io.File;
import java.util.Map;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.actuate.info.Info;
import org.springframework.boot.actuate.info.InfoContributor;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.web.server.context.WebServerPortFileWriter;
import org.springframework.context.annotation.Bean;

/**
 * Which process is answering, and on which port. Every instance has an id, reported at {@code /actuator/info} as
 * {@code instance.id}: the one it was given ({@code SMALLWINS_INSTANCE_ID}), or a random one. A launcher that starts a
 * service on port 0 gives it a port file ({@code SMALLWINS_INSTANCE_PORT_FILE}), where Spring Boot's
 * {@link WebServerPortFileWriter} writes the port the server really bound; the launcher then asks that port for the
 * instance id it handed out, so it never mistakes another process on the same port for the one it started.
 */
@AutoConfiguration
public class PlatformInstanceConfiguration {

    @Bean
    InstanceInfoContributor instanceInfoContributor(@Value("${smallwins.instance.id:}") String id) {
        return new InstanceInfoContributor(id.isBlank() ? UUID.randomUUID().toString() : id);
    }

    @Bean
    @ConditionalOnProperty("smallwins.instance.port-file")
    WebServerPortFileWriter instancePortFileWriter(@Value("${smallwins.instance.port-file}") String portFile) {
        return new WebServerPortFileWriter(new File(portFile));
    }

    /** Adds {@code "instance": {"id": …}} to {@code /actuator/info}. */
    public record InstanceInfoContributor(String id) implements InfoContributor {

        @Override
        public void contribute(Info.Builder builder) {
            builder.withDetail("instance", Map.of("id", id));
        }
    }
}
