package org.smallwins.query.keys;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Data keys kept for a short while (Caffeine, expiring a fixed time after they were fetched), so a batch's keys are
 * fetched once and a stream of events by the same people costs no lookups: live keys and destroyed ones alike (a
 * destroyed key stays destroyed). Unknown keys are not kept, so they are asked about again. Any key is asked about again
 * after {@code lifetime}: a key destroyed meanwhile is seen as destroyed from then on. Measured as the cache
 * {@code data-keys} ({@code cache.gets}, {@code cache.size}, ...).
 */
public class CachedDataKeys implements DataKeyAccess {

    private final DataKeyAccess source;
    private final Cache<String, DataKey> cache;

    public CachedDataKeys(DataKeyAccess source, Duration lifetime, long maximumSize, MeterRegistry meters) {
        this(source, lifetime, maximumSize, meters, Ticker.systemTicker());
    }

    CachedDataKeys(DataKeyAccess source, Duration lifetime, long maximumSize, MeterRegistry meters, Ticker ticker) {
        this.source = source;
        this.cache = Caffeine.newBuilder()
                .expireAfterWrite(lifetime)
                .maximumSize(maximumSize)
                .ticker(ticker)
                .recordStats()
                .build();
        CaffeineCacheMetrics.monitor(meters, cache, "data-keys");
    }

    @Override
    public Map<String, DataKey> find(Collection<? extends String> keyIds) {
        Map<String, DataKey> found = cache.getAll(keyIds, source::find);
        List<String> unknown = found.values().stream()
                .filter(DataKey.Unknown.class::isInstance)
                .map(DataKey::keyId)
                .toList();
        cache.invalidateAll(unknown);
        return found;
    }
}
