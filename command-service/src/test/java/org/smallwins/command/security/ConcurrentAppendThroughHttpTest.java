package org.smallwins.command.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.smallwins.apicontract.ValidatingHttpClient;
import org.smallwins.command.journal.JournalMetaData;
import org.smallwins.contract.FocusArea;
import org.smallwins.contract.WinLogged;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * What a second command-service instance does to this one, on the real event store: it appends to a journal this
 * instance holds in its cache, so this instance's next decision is on a stale journal and its append is refused. The
 * command is decided again on the fresh journal and recorded, and the retry is counted.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class ConcurrentAppendThroughHttpTest extends CommandServiceHttpTest {

    static final HttpClient HTTP = ValidatingHttpClient.forService("command-service");

    @Autowired
    EventStore eventStore;

    @Autowired
    MeterRegistry meters;

    int logWin(String user, String winId) throws Exception {
        return answerTo(user, winId).statusCode();
    }

    HttpResponse<String> answerTo(String user, String winId) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/journal/wins"))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + CommandServiceStack.TOKENS.mint(user))
                .POST(HttpRequest.BodyPublishers.ofString("""
                        {"winId":"%s","text":"Today I rested","focusArea":"REST","zone":"Europe/Berlin"}""".formatted(winId)))
                .build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }

    double concurrentAppends() {
        return meters.counter("smallwins.journal.concurrent-appends").count();
    }

    @Test
    void a_command_decided_on_a_journal_another_instance_appended_to_is_decided_again_and_recorded() throws Exception {
        String user = "two-instances-" + UUID.randomUUID();
        assertThat(logWin(user, "win-1")).isEqualTo(201);
        MetaData meta = MetaData.with(JournalMetaData.USER_ID, user)
                .and(JournalMetaData.OCCURRED_AT, Instant.now().toString())
                .and(
                        JournalMetaData.OCCURRED_DATE,
                        LocalDate.now(ZoneOffset.UTC).toString())
                .and(JournalMetaData.OCCURRED_ZONE, "UTC")
                .and(JournalMetaData.CORRELATION_ID, "other-instance");
        eventStore.publish(new GenericDomainEventMessage<>(
                "Journal", user, 1, new WinLogged("win-2", "Today I asked for help", FocusArea.REST, List.of()), meta));
        double before = concurrentAppends();

        HttpResponse<String> third = answerTo(user, "win-3");
        assertThat(third.statusCode()).as("decided again on the fresh journal").isEqualTo(201);
        assertThat(third.headers().firstValue("Journal-Sequence"))
                .as("the sequence of the journal it was decided on again")
                .contains("3");
        assertThat(third.body()).contains("\"sequence\":3");

        assertThat(concurrentAppends() - before).isEqualTo(1);
        assertThat(jdbc.queryForList(
                        "select sequencenumber from domainevententry where aggregateidentifier = ? "
                                + "order by sequencenumber",
                        Long.class,
                        user))
                .containsExactly(0L, 1L, 2L);
    }
}
