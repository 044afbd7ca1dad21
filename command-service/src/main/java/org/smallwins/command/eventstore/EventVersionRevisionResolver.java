package org.smallwins.command.eventstore;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import org.axonframework.serialization.AnnotationRevisionResolver;
import org.axonframework.serialization.RevisionResolver;
import org.smallwins.contract.JournalEvent;

/**
 * The revision Axon stores with each payload ({@code payloadRevision}): for a contract event stored as it is (free of
 * personal data, such as {@code JournalErased}), its type version ({@code VERSION}), so that an Axon upcaster chain
 * keyed on (type, revision) could turn a stored older version into the current one; for everything else (the
 * {@link SealedPayload} wrapper of sealed events, whose event version is its {@code typeVersion} and is upcast by the
 * contract's codec once opened, snapshots of the aggregate) its {@code @Revision}.
 */
public final class EventVersionRevisionResolver implements RevisionResolver {

    private final RevisionResolver annotations = new AnnotationRevisionResolver();

    @Override
    public String revisionOf(Class<?> payloadType) {
        if (JournalEvent.class.isAssignableFrom(payloadType)) {
            try {
                Field version = payloadType.getField("VERSION");
                if (Modifier.isStatic(version.getModifiers()) && version.getType() == int.class) {
                    return Integer.toString(version.getInt(null));
                }
            } catch (NoSuchFieldException | IllegalAccessException e) {
                throw new IllegalStateException(payloadType.getName() + " has no public static int VERSION", e);
            }
        }
        return annotations.revisionOf(payloadType);
    }
}
