package org.smallwins.web;

import java.util.List;
import java.util.Map;

/** The parts of the two services' answers the pages show (unknown members are ignored). */
final class Api {

    private Api() {}

    record Recorded(long sequence) {}

    record Week(
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
            String closingLine) {}

    record Mood(double average, int min, int max) {}

    record WeekWin(String id, String day, String text, String focusArea, List<String> tags) {}

    record TimelinePage(List<Entry> items, String nextCursor) {}

    record Entry(String id, String kind, String day, String occurredAt, Win win, CheckIn checkIn) {}

    record Win(String text, String focusArea, List<String> tags) {}

    record CheckIn(int mood, int energy, String window, String note) {}
}
