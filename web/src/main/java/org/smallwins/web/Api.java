package org.smallwins.web;

import java.util.List;
import java.util.Map;

/** The parts of the two services' answers the pages show (unknown members are ignored). */
public final class Api {

    private Api() {}

    public record Recorded(long sequence) {}

    public record Week(
            String week,
            String weekStart,
            String weekEnd,
            int wins,
            Map<String, Integer> winsByFocusArea,
            int checkIns,
            Mood mood,
            Double energyAverage,
            Map<String, Integer> windowOfTolerance,
            int daysShownUp,
            List<WeekWin> winsOfTheWeek,
            String closingLine,
            Focus focus,
            Integer winsInFocusArea,
            Reflection reflection) {}

    /** The focus area and stage of change current at the week's end (absent before the first choice). */
    public record Focus(String area, String stage, String since) {}

    /** The week's reflection as last written: the chosen wins in the order chosen, as they read now. */
    public record Reflection(String answer, List<WeekWin> chosenWins, boolean proudOfShowingUp, String written) {}

    public record Mood(double average, int min, int max) {}

    public record WeekWin(String id, String day, String text, String focusArea, List<String> tags) {}

    public record TimelinePage(List<Entry> items, String nextCursor) {}

    public record Entry(String id, String kind, String day, String occurredAt, Win win, CheckIn checkIn) {}

    public record Win(String text, String focusArea, List<String> tags) {}

    public record CheckIn(int mood, int energy, String window, String note) {}
}
