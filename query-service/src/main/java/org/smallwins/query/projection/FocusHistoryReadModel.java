package org.smallwins.query.projection;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.smallwins.contract.EventEnvelope;
import org.smallwins.contract.FocusAreaChosen;
import org.smallwins.query.readstore.ReadStore;
import org.threeten.extra.YearWeek;

/**
 * Each person's focus areas over time: one small document per person ({@code _id} = userId) listing every
 * {@link FocusAreaChosen} in the order chosen ({@value #CHOICES}: sequence, the ISO week and local day it was chosen in
 * the person's zone, area, stage, when recorded). A choice made in week W applies from W on, so "the focus area and
 * stage at the end of week W" is resolved when it is read (the latest choice made in W or before), never copied into
 * the weeks: a projection that updates one document per event could not keep every later week right.
 */
class FocusHistoryReadModel extends ReadModel {

    static final String CHOICES = "choices";

    @Override
    MongoCollection<Document> collection(ReadStore store) {
        return store.focus();
    }

    @Override
    List<String> documentIds(EventEnvelope envelope, EntryTransition transition) {
        return envelope.payload() instanceof FocusAreaChosen ? List.of(envelope.userId()) : List.of();
    }

    @Override
    Document apply(String id, EventEnvelope envelope, EntryTransition transition, Document document) {
        FocusAreaChosen chosen = (FocusAreaChosen) envelope.payload();
        Document focus = document != null ? document : new Document("_id", id).append("userId", envelope.userId());
        List<Document> choices = new ArrayList<>(focus.getList(CHOICES, Document.class, List.of()));
        choices.add(new Document("sequence", envelope.sequence())
                .append("week", YearWeek.from(envelope.occurred().localDate()).toString())
                .append("day", envelope.occurred().localDate().toString())
                .append("area", chosen.area().name())
                .append("stage", chosen.stage().name())
                .append("recordedAt", Date.from(envelope.recordedAt())));
        focus.put(CHOICES, choices);
        return focus;
    }

    /** {@inheritDoc}: the person's one document. */
    @Override
    Bson ofPerson(String userId) {
        return Filters.eq("_id", userId);
    }
}
