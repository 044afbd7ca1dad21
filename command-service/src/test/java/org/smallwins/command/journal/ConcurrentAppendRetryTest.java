package org.smallwins.command.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.sql.BatchUpdateException;
import java.sql.SQLException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicInteger;
import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.smallwins.journal.EntryConflictException;
import org.smallwins.journal.EntryOutcome;

/**
 * A command whose append lost to another instance is decided again, through Axon's retry scheduler on a real command
 * bus; every other failure is answered at once.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class ConcurrentAppendRetryTest {

    record Write(String journal) {}

    final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor();
    final SimpleCommandBus bus = SimpleCommandBus.builder().build();
    final CommandGateway gateway = DefaultCommandGateway.builder()
            .commandBus(bus)
            .retryScheduler(ConcurrentAppendRetry.retryScheduler(executor, meters))
            .build();
    final AtomicInteger attempts = new AtomicInteger();

    @AfterEach
    void stop() {
        executor.shutdownNow();
    }

    /** Each attempt fails with the next of {@code failures}; once they are used up, the command is recorded. */
    void handleFailingWith(RuntimeException... failures) {
        bus.subscribe(Write.class.getName(), message -> {
            int attempt = attempts.incrementAndGet();
            if (attempt <= failures.length) {
                throw failures[attempt - 1];
            }
            return EntryOutcome.RECORDED;
        });
    }

    double counted() {
        return meters.counter("smallwins.journal.concurrent-appends").count();
    }

    /** What the JDBC event store throws when another instance appended first: PostgreSQL's unique violation inside. */
    static ConcurrencyException lostAppend() {
        var duplicateKey = new SQLException("duplicate key value violates unique constraint", "23505");
        var batch = new BatchUpdateException("batch entry 0 failed", "23505", 0, new int[0], duplicateKey);
        return new ConcurrencyException("journal ana: sequence 7 taken", batch);
    }

    @Test
    void a_command_that_lost_the_append_to_another_instance_is_decided_again_and_counted() {
        handleFailingWith(
                lostAppend(),
                new EventStoreException("append failed", new AggregateStreamCreationException("journal ben exists")));

        EntryOutcome outcome = gateway.sendAndWait(new Write("ana"));

        assertThat(outcome).isEqualTo(EntryOutcome.RECORDED);
        assertThat(attempts).hasValue(3);
        assertThat(counted()).isEqualTo(2);
    }

    @Test
    void it_is_tried_five_times_in_all_then_the_failure_is_answered() {
        ConcurrencyException lost = lostAppend();
        handleFailingWith(lost, lost, lost, lost, lost, lost);

        assertThatThrownBy(() -> gateway.sendAndWait(new Write("ana"))).isInstanceOf(ConcurrencyException.class);
        assertThat(attempts).hasValue(ConcurrentAppendRetry.MAX_ATTEMPTS);
        assertThat(counted()).isEqualTo(ConcurrentAppendRetry.MAX_ATTEMPTS - 1);
    }

    @Test
    void a_conflict_a_refusal_or_a_store_that_is_down_fails_at_once() {
        handleFailingWith(new EntryConflictException("win-1"));
        assertThatThrownBy(() -> gateway.sendAndWait(new Write("ana"))).isInstanceOf(EntryConflictException.class);
        assertThat(attempts).hasValue(1);

        attempts.set(0);
        bus.subscribe(Write.class.getName(), message -> {
            attempts.incrementAndGet();
            throw new IllegalStateException("the database is unreachable");
        });
        assertThatThrownBy(() -> gateway.sendAndWait(new Write("ana"))).isInstanceOf(IllegalStateException.class);
        assertThat(attempts).hasValue(1);
        assertThat(counted()).isZero();

        attempts.set(0);
        bus.subscribe(Write.class.getName(), message -> {
            attempts.incrementAndGet();
            throw new EventStoreException(
                    "the database went away", new SQLException("terminating connection", "57P01"));
        });
        assertThatThrownBy(() -> gateway.sendAndWait(new Write("ana"))).isInstanceOf(EventStoreException.class);
        assertThat(attempts).hasValue(1);
        assertThat(counted()).isZero();
    }
}
