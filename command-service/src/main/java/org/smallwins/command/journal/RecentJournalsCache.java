package org.smallwins.command.journal;

import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.axonframework.common.Registration;
import org.axonframework.common.caching.Cache;

/**
 * The journals of the people who wrote most recently, kept in memory up to a fixed number: a Caffeine cache (bounded
 * by size, evicting the journals least likely to be used again) behind Axon's {@link Cache} interface. Axon's
 * weak-reference cache loses a journal at the next garbage collection, so under load almost every command loaded its
 * journal again from the event store (the benchmark showed this as the largest cost of a command). A journal found
 * here may be stale if another instance wrote to it since; the event store then refuses the append and the command is
 * decided again on a fresh load (Axon's retry scheduler, see {@link ConcurrentAppendRetry}), and Axon drops the stale
 * entry on that rollback.
 *
 * <p>Axon's caching repository registers no entry listeners, so none are kept.
 */
final class RecentJournalsCache implements Cache {

    private final com.github.benmanes.caffeine.cache.Cache<Object, Object> entries;

    RecentJournalsCache(int maxJournals) {
        this(Caffeine.newBuilder(), maxJournals);
    }

    /** With a cache builder given, so that tests can run Caffeine's maintenance on the calling thread. */
    RecentJournalsCache(Caffeine<Object, Object> builder, int maxJournals) {
        this.entries = builder.maximumSize(maxJournals).build();
    }

    @Override
    @SuppressWarnings("unchecked")
    public <K, V> V get(K key) {
        return (V) entries.getIfPresent(key);
    }

    @Override
    public void put(Object key, Object value) {
        entries.put(key, value);
    }

    @Override
    public boolean putIfAbsent(Object key, Object value) {
        return entries.asMap().putIfAbsent(key, value) == null;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> T computeIfAbsent(Object key, Supplier<T> valueSupplier) {
        return (T) entries.get(key, k -> valueSupplier.get());
    }

    @Override
    public boolean remove(Object key) {
        return entries.asMap().remove(key) != null;
    }

    @Override
    public void removeAll() {
        entries.invalidateAll();
    }

    @Override
    public boolean containsKey(Object key) {
        return entries.asMap().containsKey(key);
    }

    @Override
    @SuppressWarnings("unchecked")
    public <V> void computeIfPresent(Object key, UnaryOperator<V> update) {
        entries.asMap().computeIfPresent(key, (k, v) -> update.apply((V) v));
    }

    @Override
    public Registration registerCacheEntryListener(EntryListener listener) {
        return () -> true;
    }

    long size() {
        entries.cleanUp();
        return entries.estimatedSize();
    }
}
