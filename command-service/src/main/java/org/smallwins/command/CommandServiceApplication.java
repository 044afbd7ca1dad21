package org.smallwins.command;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Accepts journal commands, stores events in PostgreSQL through Axon, and relays them to Kafka. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class CommandServiceApplication {

    public static void main(String[] args) {
        // Belt and braces with the excluded UpdateCheckerAutoConfiguration: Axon's own switch is a system property.
        System.setProperty(
                "axoniq.update-checker.disabled", System.getProperty("axoniq.update-checker.disabled", "true"));
        SpringApplication.run(CommandServiceApplication.class, args);
    }
}
