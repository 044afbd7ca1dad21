package org.smallwins.crud;

import java.time.Clock;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/** The plain CRUD alternative used as the benchmark's baseline. Not part of the product. */
@SpringBootApplication
public class CrudBaselineApplication {

    public static void main(String[] args) {
        SpringApplication.run(CrudBaselineApplication.class, args);
    }

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
