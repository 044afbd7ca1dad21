package org.smallwins.web;

import java.util.ArrayList;
import java.util.List;

/**
 * The last weeks as bars of days shown up (0 to 7), oldest first. A quiet week is a short, calm bar with its own words
 * ("a quiet week"), never a gap or a warning.
 */
public record WeeksChart(List<Bar> bars, int width, int height) {

    static final int BAR = 44;
    static final int GAP = 12;
    static final int TOP = 16;
    static final int PLOT = 140;

    public record Bar(String week, int wins, int daysShownUp, int checkIns, String words, int x, int y, int height) {}

    static WeeksChart of(List<Api.Week> weeks) {
        List<Bar> bars = new ArrayList<>();
        for (int i = 0; i < weeks.size(); i++) {
            Api.Week week = weeks.get(i);
            int days = week.daysShownUp();
            // a quiet week still gets a visible sliver, in the same calm colour
            int height = Math.max(4, PLOT * days / 7);
            String words = days == 0
                    ? "a quiet week"
                    : "showed up on " + days + (days == 1 ? " day" : " days") + ", " + week.wins()
                            + (week.wins() == 1 ? " win" : " wins");
            bars.add(new Bar(
                    week.week(),
                    week.wins(),
                    days,
                    week.checkIns(),
                    words,
                    GAP + i * (BAR + GAP),
                    TOP + PLOT - height,
                    height));
        }
        return new WeeksChart(bars, GAP + weeks.size() * (BAR + GAP), TOP + PLOT + 50);
    }

    public String viewBox() {
        return "0 0 " + width + " " + height;
    }

    public int labelY() {
        return TOP + PLOT + 20;
    }

    public int barWidth() {
        return BAR;
    }
}
