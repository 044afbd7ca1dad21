package org.smallwins.query.keys;

import java.util.Collection;
import java.util.Map;

/**
 * The one narrow way query-service obtains people's data keys, to open sealed event payloads while projecting. Keys are
 * served by command-service ({@code GET /internal/data-keys/{keyId}}, with the shared key-access token); this service
 * never holds the key-encryption key and never writes keys.
 */
public interface DataKeyAccess {

    /**
     * The keys with these ids, each as {@link DataKey.Available}, {@link DataKey.Destroyed} or {@link DataKey.Unknown}.
     *
     * @throws KeyServiceUnavailable if the key service cannot answer (down, slow, or refusing this service's token):
     *     the caller retries later, it never decides anything about the events from this
     */
    Map<String, DataKey> find(Collection<? extends String> keyIds);
}
