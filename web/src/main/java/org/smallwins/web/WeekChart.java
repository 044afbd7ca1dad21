package org.smallwins.web;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Mood and energy across the days of a week, and the window of tolerance each day, drawn as an SVG on the server
 * (no script), with the same numbers as a table for anyone who does not see the picture. A day without a check-in is
 * simply blank: nothing is marked as missed.
 */
public record WeekChart(List<Day> days, String moodLine, String energyLine, boolean empty) {

    public static final int WIDTH = 700;
    public static final int HEIGHT = 260;
    static final int LEFT = 40;
    static final int TOP = 20;
    static final int PLOT_HEIGHT = 160;
    static final int STEP = (WIDTH - LEFT - 20) / 7;

    /**
     * One day: its averages (null without check-ins), the window in words, where it is drawn.
     *
     * @param windowClass the CSS class of the day's window band (empty without check-ins)
     */
    public record Day(
            String name,
            String shortName,
            Double mood,
            Double energy,
            String window,
            String windowClass,
            int x,
            Integer moodY,
            Integer energyY,
            int bandX) {

        public String moodText() {
            return format(mood);
        }

        public String energyText() {
            return format(energy);
        }
    }

    static WeekChart of(LocalDate monday, List<Api.Entry> entries) {
        List<Day> days = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            LocalDate date = monday.plusDays(i);
            List<Api.CheckIn> checkIns = entries.stream()
                    .filter(e -> e.checkIn() != null && date.toString().equals(e.day()))
                    .map(Api.Entry::checkIn)
                    .toList();
            DayOfWeek weekday = date.getDayOfWeek();
            int x = LEFT + STEP / 2 + i * STEP;
            Double mood = checkIns.isEmpty()
                    ? null
                    : checkIns.stream().mapToInt(Api.CheckIn::mood).average().orElse(0);
            Double energy = checkIns.isEmpty()
                    ? null
                    : checkIns.stream().mapToInt(Api.CheckIn::energy).average().orElse(0);
            // the day's windows in words, in the order they were felt (timeline is newest first)
            List<Api.CheckIn> inOrder = new ArrayList<>(checkIns);
            java.util.Collections.reverse(inOrder);
            List<String> windows = inOrder.stream()
                    .map(c -> Words.window(c.window()))
                    .distinct()
                    .toList();
            String last = checkIns.isEmpty() ? null : checkIns.get(0).window();
            days.add(new Day(
                    weekday.getDisplayName(TextStyle.FULL, Locale.ENGLISH) + " " + date.getDayOfMonth(),
                    weekday.getDisplayName(TextStyle.SHORT, Locale.ENGLISH),
                    mood,
                    energy,
                    windows.isEmpty() ? "" : String.join(", then ", windows),
                    last == null ? "" : "window-" + last.toLowerCase(Locale.ROOT),
                    x,
                    mood == null ? null : y(mood),
                    energy == null ? null : y(energy),
                    x - STEP / 2 + 4));
        }
        return new WeekChart(
                days,
                line(days.stream().filter(d -> d.moodY() != null).map(d -> d.x() + "," + d.moodY())),
                line(days.stream().filter(d -> d.energyY() != null).map(d -> d.x() + "," + d.energyY())),
                days.stream().allMatch(d -> d.mood() == null));
    }

    /** 5 at the top, 1 at the bottom. */
    static int y(double value) {
        return TOP + (int) Math.round((5 - value) / 4 * PLOT_HEIGHT);
    }

    /** The y of each scale line, 1 to 5. */
    public List<int[]> scale() {
        List<int[]> lines = new ArrayList<>();
        for (int v = 1; v <= 5; v++) {
            lines.add(new int[] {v, y(v)});
        }
        return lines;
    }

    /** The SVG's viewBox. */
    public String viewBox() {
        return "0 0 " + WIDTH + " " + HEIGHT;
    }

    public int bandY() {
        return TOP + PLOT_HEIGHT + 24;
    }

    public int bandWidth() {
        return STEP - 8;
    }

    public int labelY() {
        return TOP + PLOT_HEIGHT + 70;
    }

    private static String line(java.util.stream.Stream<String> points) {
        return points.collect(Collectors.joining(" "));
    }

    public static String format(Double value) {
        return value == null ? "" : String.format(Locale.ENGLISH, "%.1f", value).replace(".0", "");
    }
}
