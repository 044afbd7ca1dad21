package org.smallwins.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.smallwins.apicontract.ValidatingHttpClient;
import org.smallwins.client.ProblemDetails;
import org.smallwins.client.command.ApiResponse;
import org.smallwins.client.command.api.JournalApi;
import org.smallwins.client.command.model.ChooseFocusRequest;
import org.smallwins.client.command.model.EntryAccepted;
import org.smallwins.client.command.model.EntryOutcome;
import org.smallwins.client.command.model.FocusArea;
import org.smallwins.client.command.model.FocusChosen;
import org.smallwins.client.command.model.LogWinRequest;
import org.smallwins.client.command.model.RecordCheckInRequest;
import org.smallwins.client.command.model.ReflectionWritten;
import org.smallwins.client.command.model.StageOfChange;
import org.smallwins.client.command.model.ToleranceWindow;
import org.smallwins.client.command.model.WriteReflectionRequest;
import org.smallwins.client.query.api.PatternsApi;
import org.smallwins.client.query.api.TimelineApi;
import org.smallwins.client.query.api.TrendsApi;
import org.smallwins.client.query.model.EntryKind;
import org.smallwins.client.query.model.PatternWeek;
import org.smallwins.client.query.model.Patterns;
import org.smallwins.client.query.model.Problem;
import org.smallwins.client.query.model.TimelineEntry;
import org.smallwins.client.query.model.TimelinePage;
import org.smallwins.client.query.model.Week;

/**
 * The README walkthrough as another team would write it: through the Java client generated from the committed OpenAPI
 * documents only (module {@code api-client}), on the whole stack. Typed enums and dates on the way in and out, and the
 * errors as typed problem details with their stable {@code code}. One stack start for both tests.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class GeneratedClientWalkthroughTest {

    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    static final String WIN_TEXT = "Today I rested without guilt";
    static LocalStack stack;

    @BeforeAll
    static void startStack() throws Exception {
        stack = LocalStack.start(
                new LocalStack.Options(
                        Path.of("target", "client-" + System.currentTimeMillis())
                                .toAbsolutePath(),
                        false,
                        0,
                        0,
                        Path.of("target", "services"),
                        List.of("-Xmx384m", "-XX:TieredStopAtLevel=1")),
                step -> {});
    }

    @AfterAll
    static void stopStack() {
        if (stack != null) {
            stack.close();
        }
    }

    /**
     * The generated clients send through this: the JDK's client, wrapped so that every exchange, bodies included, is
     * also checked against the committed document of the service it went to (a validating proxy, in-process).
     */
    static final BufferedBodiesHttpClient CHECKED =
            new BufferedBodiesHttpClient(ValidatingHttpClient.forServices("command-service", "query-service"));

    static HttpClient.Builder checked() {
        return CHECKED.asBuilder();
    }

    /** The command service's generated client, signed in as the person the token names. */
    static JournalApi journal(String token) {
        org.smallwins.client.command.ApiClient client = new org.smallwins.client.command.ApiClient();
        client.setHttpClientBuilder(checked());
        client.updateBaseUri(stack.commandServiceUrl());
        client.setRequestInterceptor(request -> request.header("Authorization", "Bearer " + token));
        return new JournalApi(client);
    }

    static org.smallwins.client.query.ApiClient reads(String token) {
        org.smallwins.client.query.ApiClient client = new org.smallwins.client.query.ApiClient();
        client.setHttpClientBuilder(checked());
        client.updateBaseUri(stack.queryServiceUrl());
        client.setRequestInterceptor(request -> request.header("Authorization", "Bearer " + token));
        return client;
    }

    static LogWinRequest restedWithoutGuilt() {
        return new LogWinRequest()
                .winId("w-001")
                .text(WIN_TEXT)
                .focusArea(FocusArea.REST)
                .tags(List.of("evening"))
                .zone("Europe/Berlin");
    }

    @Test
    void the_readme_walkthrough_runs_through_the_generated_client_with_typed_enums_and_dates() throws Exception {
        // 1. A token for a user name (./run's development issuer mints the same tokens).
        String alice = stack.tokens().mint("alice-" + UUID.randomUUID());
        JournalApi journal = journal(alice);
        LocalDate today = LocalDate.now(BERLIN);

        // 2. Log a win: 201; the same win again is safe: 200, nothing recorded.
        ApiResponse<EntryAccepted> logged = journal.logWinWithHttpInfo(restedWithoutGuilt());
        assertThat(logged.getStatusCode()).isEqualTo(201);
        assertThat(logged.getData().getOutcome()).isEqualTo(EntryOutcome.RECORDED);
        assertThat(logged.getData().getKind()).isEqualTo(org.smallwins.client.command.model.EntryKind.WIN);
        assertThat(logged.getData().getSequence()).isEqualTo(1L);
        assertThat(logged.getHeaders().get("location"))
                .singleElement()
                .asString()
                .endsWith("/api/timeline/w-001");
        ApiResponse<EntryAccepted> again = journal.logWinWithHttpInfo(restedWithoutGuilt());
        assertThat(again.getStatusCode()).isEqualTo(200);
        assertThat(again.getData().getOutcome()).isEqualTo(EntryOutcome.ALREADY_RECORDED);

        // 3. Check in: the journal's sequence after it, in the body and the Journal-Sequence header.
        ApiResponse<EntryAccepted> checkedIn = journal.recordCheckInWithHttpInfo(new RecordCheckInRequest()
                .checkInId("c-001")
                .mood(3)
                .energy(2)
                .window(ToleranceWindow.WITHIN)
                .note("slow morning")
                .zone("Europe/Berlin"));
        assertThat(checkedIn.getStatusCode()).isEqualTo(201);
        long sequence = checkedIn.getData().getSequence();
        assertThat(sequence).isEqualTo(2L);
        assertThat(checkedIn.getHeaders().get("journal-sequence")).containsExactly("2");

        // 4. The timeline, newest first, waiting for sequence 2: typed kinds, windows, focus areas and days.
        TimelineApi timeline = new TimelineApi(reads(alice));
        TimelinePage page = timeline.getTimeline(null, null, null, null, null, sequence, null);
        assertThat(page.getItems()).extracting(TimelineEntry::getId).containsExactly("c-001", "w-001");
        TimelineEntry checkIn = page.getItems().get(0);
        assertThat(checkIn.getKind()).isEqualTo(EntryKind.CHECK_IN);
        assertThat(checkIn.getDay()).isEqualTo(today);
        assertThat(checkIn.getCheckIn().getWindow()).isEqualTo(org.smallwins.client.query.model.ToleranceWindow.WITHIN);
        assertThat(checkIn.getCheckIn().getMood()).isEqualTo(3);
        TimelineEntry win = page.getItems().get(1);
        assertThat(win.getWin().getFocusArea()).isEqualTo(org.smallwins.client.query.model.FocusArea.REST);
        assertThat(win.getWin().getText()).isEqualTo(WIN_TEXT);
        assertThat(win.getWin().getTags()).containsExactly("evening");
        assertThat(page.getHasMore()).isFalse();
        assertThat(page.getNextCursor()).isNull();
        // ?kind=WIN&from=…&to=… with typed values
        assertThat(timeline.getTimeline(EntryKind.WIN, today, today, 20, null, sequence, null)
                        .getItems())
                .extracting(TimelineEntry::getId)
                .containsExactly("w-001");

        // 5. This week's trend and review, and the last 12 weeks, oldest first, quiet weeks as zeros.
        TrendsApi trends = new TrendsApi(reads(alice));
        Week current = trends.getWeek("current", sequence, null);
        assertThat(current.getWeekStart().getDayOfWeek()).isEqualTo(DayOfWeek.MONDAY);
        assertThat(current.getWeekStart()).isBeforeOrEqualTo(today);
        assertThat(current.getWins()).isOne();
        assertThat(current.getCheckIns()).isOne();
        assertThat(current.getDaysShownUp()).isOne();
        assertThat(current.getWinsOfTheWeek())
                .singleElement()
                .satisfies(
                        w -> assertThat(w.getFocusArea()).isEqualTo(org.smallwins.client.query.model.FocusArea.REST));
        List<Week> weeks = trends.getWeeks(12, null, sequence, null);
        assertThat(weeks).hasSize(12);
        assertThat(weeks.get(11).getWeek()).isEqualTo(current.getWeek());
        assertThat(weeks.get(11).getWins()).isOne();
        assertThat(weeks.subList(0, 11)).allSatisfy(quiet -> {
            assertThat(quiet.getWins()).isZero();
            assertThat(quiet.getCheckIns()).isZero();
        });

        // 6. Choose the area you focus on and your stage of change: typed both ways.
        FocusChosen focus = journal.chooseFocusArea(new ChooseFocusRequest()
                .area(FocusArea.BOUNDARIES)
                .stage(StageOfChange.CONTEMPLATION)
                .zone("Europe/Berlin"));
        assertThat(focus.getArea()).isEqualTo(FocusArea.BOUNDARIES);
        assertThat(focus.getStage()).isEqualTo(StageOfChange.CONTEMPLATION);
        assertThat(focus.getOutcome()).isEqualTo(EntryOutcome.RECORDED);
        assertThat(focus.getSequence()).isEqualTo(3L);

        // 7. Look back on this week: the answer, this week's win, the closing line.
        ReflectionWritten reflection = journal.writeWeeklyReflection(
                current.getWeek(),
                new WriteReflectionRequest()
                        .answer("I let myself rest and did not apologise for it.")
                        .winIds(List.of("w-001"))
                        .proudOfShowingUp(true)
                        .zone("Europe/Berlin"));
        assertThat(reflection.getIsoWeek()).isEqualTo(current.getWeek());
        assertThat(reflection.getWinIds()).containsExactly("w-001");
        assertThat(reflection.getAnswered()).isTrue();
        assertThat(reflection.getOutcome()).isEqualTo(EntryOutcome.RECORDED);
        assertThat(reflection.getSequence()).isEqualTo(4L);

        // 8. The patterns of the last 12 weeks: this week in focus (typed area and stage), reflected on.
        Patterns patterns = new PatternsApi(reads(alice)).getPatterns(12, reflection.getSequence(), null);
        assertThat(patterns.getWeeks()).hasSize(12);
        PatternWeek thisWeek = patterns.getWeeks().get(11);
        assertThat(thisWeek.getWeek()).isEqualTo(current.getWeek());
        assertThat(thisWeek.getWins()).isOne();
        assertThat(thisWeek.getFocusArea()).isEqualTo(org.smallwins.client.query.model.FocusArea.BOUNDARIES);
        assertThat(thisWeek.getStage()).isEqualTo(org.smallwins.client.query.model.StageOfChange.CONTEMPLATION);
        assertThat(thisWeek.getReflectionWritten()).isTrue();
    }

    @Test
    void errors_arrive_as_typed_problem_details_with_their_code_and_never_the_text() throws Exception {
        String ada = stack.tokens().mint("ada-" + UUID.randomUUID());
        String ben = stack.tokens().mint("ben-" + UUID.randomUUID());
        JournalApi journal = journal(ada);
        EntryAccepted logged = journal.logWin(restedWithoutGuilt());

        // 422: a day after your own today is a broken rule, named by its field.
        org.smallwins.client.command.ApiException refused = catchThrowableOfType(
                org.smallwins.client.command.ApiException.class,
                () -> journal.logWin(restedWithoutGuilt()
                        .winId("w-002")
                        .day(LocalDate.now(BERLIN).plusDays(3))));
        assertThat(refused.getCode()).isEqualTo(422);
        org.smallwins.client.command.model.Problem rule =
                ProblemDetails.of(refused).orElseThrow();
        assertThat(rule.getStatus()).isEqualTo(422);
        assertThat(rule.getCode()).isEqualTo("entry-refused");
        assertThat(rule.getType()).hasToString("https://smallwins.dev/problems/entry-refused");
        assertThat(rule.getErrors())
                .anySatisfy(error -> assertThat(error.getField()).isEqualTo("day"));
        assertThat(refused.getResponseBody()).doesNotContain(WIN_TEXT);

        // 409: the same id with other content.
        org.smallwins.client.command.ApiException taken = catchThrowableOfType(
                org.smallwins.client.command.ApiException.class,
                () -> journal.logWin(restedWithoutGuilt().text("Today I rested, a little")));
        assertThat(ProblemDetails.of(taken).orElseThrow().getCode()).isEqualTo("entry-id-taken");

        // 404: another person's entry is not found, on the query side's client too.
        TimelineApi bens = new TimelineApi(reads(ben));
        org.smallwins.client.query.ApiException notFound = catchThrowableOfType(
                org.smallwins.client.query.ApiException.class, () -> bens.getEntry("w-001", null, null));
        assertThat(notFound.getCode()).isEqualTo(404);
        Problem missing = ProblemDetails.of(notFound).orElseThrow();
        assertThat(missing.getCode()).isEqualTo("entry-not-found");
        assertThat(missing.getInstance()).isEqualTo("/api/timeline/w-001");
        // … while Ada reads it, typed, once her write is visible.
        assertThat(new TimelineApi(reads(ada))
                        .getEntry("w-001", logged.getSequence(), null)
                        .getWin()
                        .getFocusArea())
                .isEqualTo(org.smallwins.client.query.model.FocusArea.REST);

        // 401: no token, a typed problem too.
        org.smallwins.client.query.ApiClient anonymous = new org.smallwins.client.query.ApiClient();
        anonymous.setHttpClientBuilder(checked());
        anonymous.updateBaseUri(stack.queryServiceUrl());
        org.smallwins.client.query.ApiException unauthorized = catchThrowableOfType(
                org.smallwins.client.query.ApiException.class,
                () -> new TimelineApi(anonymous).getTimeline(null, null, null, null, null, null, null));
        assertThat(unauthorized.getCode()).isEqualTo(401);
        assertThat(ProblemDetails.of(unauthorized).orElseThrow().getCode()).isEqualTo("unauthorized");
    }
}
