package org.smallwins.command.eventstore;

import org.springframework.boot.autoconfigure.AutoConfiguration;

/**
 * Orders auto-configuration only; declares no beans. Axon 4.13's JDBC event store and transaction auto-configurations
 * are conditional on a DataSource and a PlatformTransactionManager, but are ordered after Spring Boot 3's class names;
 * Spring Boot 4 moved those auto-configurations, so without this bridge Axon evaluates its conditions before the
 * DataSource exists and silently configures no event store. Ordering is transitive: Boot's JDBC auto-configurations
 * come before this class, and this class before Axon's.
 */
@AutoConfiguration(
        afterName = {
            "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
            "org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration",
            "org.springframework.boot.jdbc.autoconfigure.DataSourceInitializationAutoConfiguration",
            "org.springframework.boot.transaction.autoconfigure.TransactionAutoConfiguration"
        },
        beforeName = {
            "org.axonframework.springboot.autoconfig.JdbcAutoConfiguration",
            "org.axonframework.springboot.autoconfig.TransactionAutoConfiguration",
            "org.axonframework.springboot.autoconfig.AxonAutoConfiguration"
        })
public class EventStoreOrderingAutoConfiguration {}
