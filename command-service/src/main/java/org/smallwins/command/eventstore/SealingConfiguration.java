package org.smallwins.command.eventstore;

import org.axonframework.eventsourcing.eventstore.AbstractEventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.serialization.Serializer;
import org.smallwins.command.keys.DataKeys;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Puts the event storage engine Axon configures (the JDBC one, see {@link EventStoreOrderingAutoConfiguration}) behind
 * {@link SealingEventStorageEngine}, so that every way into the store seals and every aggregate load opens.
 */
@Configuration(proxyBeanMethods = false)
class SealingConfiguration {

    /** Axon's serializers store each contract event's version as its payload revision. */
    @Bean
    EventVersionRevisionResolver revisionResolver() {
        return new EventVersionRevisionResolver();
    }

    @Bean
    static BeanPostProcessor sealingEventStorageEngine(ObjectProvider<DataKeys> keys) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                if (bean instanceof EventStorageEngine engine && !(bean instanceof SealingEventStorageEngine)) {
                    if (!(engine instanceof AbstractEventStorageEngine axon)) {
                        throw new IllegalStateException("Cannot seal event storage engine " + beanName + " ("
                                + bean.getClass().getName() + "): its snapshot serializer is unknown");
                    }
                    Serializer snapshots = axon.getSnapshotSerializer();
                    return new SealingEventStorageEngine(engine, keys.getObject(), snapshots);
                }
                return bean;
            }
        };
    }
}
