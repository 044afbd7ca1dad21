package org.smallwins.bench;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.smallwins.contract.FocusArea;
import org.smallwins.contract.ToleranceWindow;

/** Realistic request bodies: 70% wins, 30% check-ins, every user with a fixed zone. Never printed. */
final class Workload {

    static final String[] ZONES = {
        "Europe/Berlin",
        "America/New_York",
        "Asia/Tokyo",
        "Europe/London",
        "America/Sao_Paulo",
        "Australia/Sydney",
        "Africa/Nairobi",
        "Asia/Kolkata",
        "UTC",
        "America/Los_Angeles"
    };
    static final String[] WINS = {
        "Today I rested without guilt",
        "Today I said no to an extra shift",
        "Today I asked a friend for help with the move",
        "Today I went for a short walk after lunch",
        "Today I noticed I was tired and took a break",
        "Today I named the feeling instead of pushing it away",
        "Today I called my sister",
        "Today I was kind to myself after a mistake at work",
        "Today I stretched for ten minutes before bed",
        "Today I noticed the pattern of checking mail late at night"
    };
    static final String[] TAGS = {"work", "family", "health", "sleep", "friends", "boundaries", "morning", "evening"};
    static final String[] NOTES = {"slept badly", "busy day", "felt calm after the walk", "a lot of meetings"};

    record Command(String path, String body, String entryId) {}

    static String zone(int user) {
        return ZONES[user % ZONES.length];
    }

    static Command next(int user) {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        String id = UUID.randomUUID().toString();
        if (r.nextInt(100) < 70) {
            return win(user, id);
        }
        StringBuilder b = new StringBuilder(160)
                .append("{\"checkInId\":\"")
                .append(id)
                .append("\",\"mood\":")
                .append(1 + r.nextInt(5))
                .append(",\"energy\":")
                .append(1 + r.nextInt(5))
                .append(",\"window\":\"")
                .append(ToleranceWindow.values()[r.nextInt(ToleranceWindow.values().length)].name())
                .append('"');
        if (r.nextInt(100) < 30) {
            b.append(",\"note\":\"").append(NOTES[r.nextInt(NOTES.length)]).append('"');
        }
        b.append(",\"zone\":\"").append(zone(user)).append("\"}");
        return new Command("/api/journal/check-ins", b.toString(), id);
    }

    static Command win(int user, String id) {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        StringBuilder b = new StringBuilder(200)
                .append("{\"winId\":\"")
                .append(id)
                .append("\",\"text\":\"")
                .append(WINS[r.nextInt(WINS.length)])
                .append("\",\"focusArea\":\"")
                .append(FocusArea.values()[r.nextInt(FocusArea.values().length)].name())
                .append("\",\"tags\":[");
        int tags = r.nextInt(3);
        for (int i = 0; i < tags; i++) {
            b.append(i == 0 ? "" : ",")
                    .append('"')
                    .append(TAGS[r.nextInt(TAGS.length)])
                    .append('"');
        }
        b.append("],\"zone\":\"").append(zone(user)).append("\"}");
        return new Command("/api/journal/wins", b.toString(), id);
    }

    static List<String> users(String prefix, int count) {
        return java.util.stream.IntStream.range(0, count)
                .mapToObj(i -> String.format("%s-%04d", prefix, i))
                .toList();
    }

    private Workload() {}
}
