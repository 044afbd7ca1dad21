package org.smallwins.crud;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;

/** One journal entry, one row. */
@Entity
@Table(name = "crud_entry")
public class EntryRow {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    @Column(name = "user_id")
    String userId;

    @Column(name = "entry_id")
    String entryId;

    String kind;
    String digest;

    @Column(name = "when_value")
    String whenValue;

    String zone;
    LocalDate day;

    @Column(name = "occurred_at")
    Instant occurredAt;

    String text;

    @Column(name = "focus_area")
    String focusArea;

    String tags;
    Integer mood;
    Integer energy;

    @Column(name = "tolerance_window")
    String toleranceWindow;

    String note;

    @Override
    public String toString() {
        return "EntryRow[id=" + id + "]";
    }
}
