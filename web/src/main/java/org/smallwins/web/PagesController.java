package org.smallwins.web;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.client.HttpClientErrorException;

/**
 * The pages. Each form carries an id made when the page was rendered: sent twice (a double click, a reload), the
 * service records it once and answers the same. After a write the next page asks the services to wait until that
 * write is visible ({@code after}), so a person sees what they just wrote.
 */
@Controller
class PagesController {

    private final JournalApi api;

    PagesController(JournalApi api) {
        this.api = api;
    }

    @ModelAttribute
    void everyPage(Model model, @AuthenticationPrincipal OidcUser user) {
        model.addAttribute("user", user == null ? null : user.getSubject());
        model.addAttribute("focusAreas", Words.FOCUS_AREAS);
        model.addAttribute("windows", Words.WINDOW);
        model.addAttribute("zone", java.time.ZoneId.systemDefault().getId());
    }

    /**
     * A write the service refused (a rule broken, say): the friendly error page with the service's status; the
     * service's answer itself is not shown (it may repeat what was sent).
     */
    @org.springframework.web.bind.annotation.ExceptionHandler(
            org.springframework.web.client.HttpClientErrorException.class)
    org.springframework.web.servlet.ModelAndView refused(org.springframework.web.client.HttpClientErrorException e) {
        org.springframework.web.servlet.ModelAndView page = new org.springframework.web.servlet.ModelAndView("error");
        page.setStatus(
                e.getStatusCode().is4xxClientError()
                        ? e.getStatusCode()
                        : org.springframework.http.HttpStatus.BAD_GATEWAY);
        return page;
    }

    @GetMapping("/")
    String home(@AuthenticationPrincipal OidcUser user) {
        return user == null ? "redirect:/welcome" : "redirect:/today";
    }

    @GetMapping("/welcome")
    String welcome() {
        return "welcome";
    }

    @GetMapping("/signed-out")
    String signedOut() {
        return "signed-out";
    }

    @GetMapping("/today")
    String today(
            @RequestParam(required = false) Long after, @RequestParam(required = false) String recorded, Model model) {
        LocalDate today = LocalDate.now();
        Api.TimelinePage page =
                api.timeline(today.minusDays(1).toString(), today.plusDays(1).toString(), 20, null, after);
        model.addAttribute("entries", page == null ? List.of() : page.items());
        model.addAttribute("recorded", recorded);
        model.addAttribute("winId", UUID.randomUUID().toString());
        model.addAttribute("checkInId", UUID.randomUUID().toString());
        return "today";
    }

    @PostMapping("/today/win")
    String logWin(
            @RequestParam String winId,
            @RequestParam String text,
            @RequestParam String focusArea,
            @RequestParam(defaultValue = "") String tags,
            @RequestParam(required = false) String zone) {
        List<String> tagList = Arrays.stream(tags.split(","))
                .map(String::trim)
                .filter(t -> !t.isEmpty())
                .toList();
        long sequence = api.logWin(id(winId), text.trim(), focusArea, tagList, zone);
        return "redirect:/today?recorded=win&after=" + sequence;
    }

    @PostMapping("/today/check-in")
    String checkIn(
            @RequestParam String checkInId,
            @RequestParam int mood,
            @RequestParam int energy,
            @RequestParam String window,
            @RequestParam(defaultValue = "") String note,
            @RequestParam(required = false) String zone) {
        long sequence = api.recordCheckIn(id(checkInId), mood, energy, window, note.trim(), zone);
        return "redirect:/today?recorded=check-in&after=" + sequence;
    }

    @GetMapping("/week")
    String week(
            @RequestParam(required = false) Long after, @RequestParam(required = false) String recorded, Model model) {
        Api.Week week = api.week("current", after);
        LocalDate monday = LocalDate.parse(week.weekStart());
        Api.TimelinePage checkIns = api.timeline(week.weekStart(), week.weekEnd(), 100, null, after);
        WeekChart chart = WeekChart.of(monday, checkIns == null ? List.of() : checkIns.items());
        model.addAttribute("week", week);
        model.addAttribute("chart", chart);
        model.addAttribute("recorded", recorded);
        model.addAttribute(
                "chosenIds",
                week.reflection() == null || week.reflection().chosenWins() == null
                        ? java.util.Set.of()
                        : week.reflection().chosenWins().stream()
                                .map(Api.WeekWin::id)
                                .collect(java.util.stream.Collectors.toSet()));
        return "week";
    }

    /**
     * The week's reflection, written or rewritten whole: the answer, up to five of the week's own wins (ticked, in the
     * order the page lists them), the affirmation. The service keeps the rules (five at most, the week's own wins,
     * 2,000 characters); a refusal shows the friendly error page.
     */
    @PostMapping("/week/reflection")
    String writeReflection(
            @RequestParam String week,
            @RequestParam(defaultValue = "") String answer,
            @RequestParam(required = false) List<String> winIds,
            @RequestParam(defaultValue = "false") boolean proudOfShowingUp,
            @RequestParam(required = false) String zone) {
        if (!ISO_WEEK.matcher(week).matches()) {
            throw HttpClientErrorException.create(
                    org.springframework.http.HttpStatus.BAD_REQUEST, "Bad form", null, null, null);
        }
        long sequence = api.writeReflection(
                week, answer.trim(), winIds == null ? List.of() : List.copyOf(winIds), proudOfShowingUp, zone);
        return "redirect:/week?recorded=reflection&after=" + sequence;
    }

    private static final java.util.regex.Pattern ISO_WEEK = java.util.regex.Pattern.compile("[0-9]{4}-W[0-9]{2}");

    @GetMapping("/weeks")
    String weeks(Model model) {
        List<Api.Week> weeks = api.weeks(12);
        model.addAttribute("weeks", WeeksChart.of(weeks));
        return "weeks";
    }

    @GetMapping("/timeline")
    String timeline(@RequestParam(required = false) String cursor, Model model) {
        Api.TimelinePage page = api.timeline(null, null, 20, cursor, null);
        model.addAttribute("entries", page.items());
        model.addAttribute("nextCursor", page.nextCursor());
        return "timeline";
    }

    /** The page's id, or a new one when the field was tampered with (the services accept any UUID). */
    private static String id(String value) {
        try {
            return UUID.fromString(value).toString();
        } catch (IllegalArgumentException e) {
            throw HttpClientErrorException.create(
                    org.springframework.http.HttpStatus.BAD_REQUEST, "Bad form", null, null, null);
        }
    }
}
