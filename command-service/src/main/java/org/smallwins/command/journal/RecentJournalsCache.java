package org.smallwins.command.journal;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.axonframework.common.Registration;
import org.axonframework.common.caching.Cache;

/**
 * The journals of the people who wrote most recently, kept in memory up to a fixed number, least recently used first
 * out. Axon's weak-reference cache loses a journal at the next garbage collection, so under load almost every command
 * loaded its journal again from the event store (the benchmark showed this as the largest cost of a command). A
 * journal found here may be stale if another instance wrote to it since; the event store then refuses the append and
 * the command is decided again on a fresh load (see the journal controller), and Axon drops the stale entry on that
 * rollback.
 */
final class RecentJournalsCache implements Cache {

    private final Map<Object, Object> entries;

    RecentJournalsCache(int maxJournals) {
        this.entries = new LinkedHashMap<>(Math.min(maxJournals, 1 << 16), 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Object, Object> eldest) {
                return size() > maxJournals;
            }
        };
    }

    @Override
    @SuppressWarnings("unchecked")
    public synchronized <K, V> V get(K key) {
        return (V) entries.get(key);
    }

    @Override
    public synchronized void put(Object key, Object value) {
        entries.put(key, value);
    }

    @Override
    public synchronized boolean putIfAbsent(Object key, Object value) {
        return entries.putIfAbsent(key, value) == null;
    }

    @Override
    public synchronized boolean remove(Object key) {
        return entries.remove(key) != null;
    }

    @Override
    public synchronized void removeAll() {
        entries.clear();
    }

    @Override
    public synchronized boolean containsKey(Object key) {
        return entries.containsKey(key);
    }

    @Override
    @SuppressWarnings("unchecked")
    public synchronized <V> void computeIfPresent(Object key, UnaryOperator<V> update) {
        entries.computeIfPresent(key, (k, v) -> update.apply((V) v));
    }

    @Override
    public Registration registerCacheEntryListener(EntryListener listener) {
        return () -> true;
    }

    synchronized int size() {
        return entries.size();
    }
}
