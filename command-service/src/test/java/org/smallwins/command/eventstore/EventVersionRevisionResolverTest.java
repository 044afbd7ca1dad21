package org.smallwins.command.eventstore;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.smallwins.contract.CheckInRecorded;
import org.smallwins.contract.JournalErased;
import org.smallwins.contract.WinLogged;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class EventVersionRevisionResolverTest {

    final EventVersionRevisionResolver resolver = new EventVersionRevisionResolver();

    @Test
    void a_contract_event_is_stored_with_its_type_version_as_its_revision() {
        assertThat(resolver.revisionOf(JournalErased.class)).isEqualTo(Integer.toString(JournalErased.VERSION));
        assertThat(resolver.revisionOf(WinLogged.class)).isEqualTo(Integer.toString(WinLogged.VERSION));
        assertThat(resolver.revisionOf(CheckInRecorded.class)).isEqualTo(Integer.toString(CheckInRecorded.VERSION));
    }

    @Test
    void anything_else_keeps_its_revision_annotation() {
        assertThat(resolver.revisionOf(SealedPayload.class)).isEqualTo("1");
        assertThat(resolver.revisionOf(String.class)).isNull();
    }
}
