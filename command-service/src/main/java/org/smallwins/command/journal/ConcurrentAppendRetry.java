package org.smallwins.command.journal;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.commons.lang3.exception.ExceptionUtils;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.commandhandling.gateway.ExponentialBackOffIntervalRetryScheduler;
import org.axonframework.commandhandling.gateway.RetryScheduler;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * A command is decided again when another instance of this service appended to the same journal in the meantime: the
 * event store refused a second event with the same sequence (Axon's {@link ConcurrencyException}, or
 * {@link AggregateStreamCreationException} for a journal's first event). Nothing was stored by the failed attempt, and
 * the next attempt loads the journal as it now is. This is Axon's own retry scheduler on the command gateway (attempts,
 * exponential back-off, scheduling), behind one check of the whole exception chain: every other failure (a refused
 * entry, a conflicting id, a store that is down) is answered at once. Each retry is counted in
 * {@code smallwins.journal.concurrent-appends}.
 */
@Configuration
class ConcurrentAppendRetry {

    /** Attempts per command in all: the first and up to four more. */
    static final int MAX_ATTEMPTS = 5;

    /** The first retry waits this long, each later one twice as long (5, 10, 20, 40 ms): 75 ms at most in all. */
    static final long FIRST_BACKOFF_MILLIS = 5;

    @Bean(destroyMethod = "shutdownNow")
    ScheduledExecutorService concurrentAppendRetryExecutor() {
        AtomicInteger threads = new AtomicInteger();
        return Executors.newScheduledThreadPool(2, task -> {
            Thread thread = new Thread(task, "concurrent-append-retry-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    @Bean
    CommandGateway commandGateway(
            CommandBus commandBus, ScheduledExecutorService concurrentAppendRetryExecutor, MeterRegistry meters) {
        return DefaultCommandGateway.builder()
                .commandBus(commandBus)
                .retryScheduler(retryScheduler(concurrentAppendRetryExecutor, meters))
                .build();
    }

    static RetryScheduler retryScheduler(ScheduledExecutorService executor, MeterRegistry meters) {
        Counter retries = Counter.builder("smallwins.journal.concurrent-appends")
                .description("Commands decided again because another instance appended to the same journal first")
                .register(meters);
        RetryScheduler axon = ExponentialBackOffIntervalRetryScheduler.builder()
                .retryExecutor(executor)
                .backoffFactor(FIRST_BACKOFF_MILLIS)
                .maxRetryCount(MAX_ATTEMPTS - 1)
                // Axon asks this of each exception in the chain on its own, and a concurrent append is caused by the
                // driver's duplicate-key error, which alone says nothing; so which failures are retried is decided
                // below on the whole chain, and Axon keeps the count, the back-off and the scheduling.
                .nonTransientFailurePredicate(link -> false)
                .build();
        return (command, failure, failures, dispatch) -> {
            if (!concurrentAppend(failure)) {
                return false;
            }
            boolean scheduled = axon.scheduleRetry(command, failure, failures, dispatch);
            if (scheduled) {
                retries.increment();
            }
            return scheduled;
        };
    }

    static boolean concurrentAppend(Throwable failure) {
        return ExceptionUtils.throwableOfType(failure, ConcurrencyException.class) != null
                || ExceptionUtils.throwableOfType(failure, AggregateStreamCreationException.class) != null;
    }
}
