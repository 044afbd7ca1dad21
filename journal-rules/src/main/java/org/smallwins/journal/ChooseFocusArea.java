package org.smallwins.journal;

import java.time.ZoneId;
import java.util.Objects;
import java.util.Optional;
import org.smallwins.contract.FocusArea;
import org.smallwins.contract.FocusAreaChosen;
import org.smallwins.contract.StageOfChange;

/**
 * Choose the one area to focus on, and say where one is with it (the stage of change). The same choice as the current
 * one changes nothing; any other replaces it.
 *
 * @param area  the focus area
 * @param stage the stage of change for it
 * @param zone  the person's zone; empty means the zone of their latest event
 */
public record ChooseFocusArea(FocusArea area, StageOfChange stage, Optional<ZoneId> zone) implements JournalCommand {

    public ChooseFocusArea {
        Objects.requireNonNull(area, "area");
        Objects.requireNonNull(stage, "stage");
        Objects.requireNonNull(zone, "zone");
    }

    /** {@value FocusAreaChosen#SUBJECT}: the journal's focus, one per journal. */
    @Override
    public String entryId() {
        return FocusAreaChosen.SUBJECT;
    }
}
