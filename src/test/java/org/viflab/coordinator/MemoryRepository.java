package org.viflab.coordinator;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.viflab.model.Topology;

/** A repository kept in memory, for tests of code that only needs the port's contract. */
final class MemoryRepository implements Repository {

    private Topology committed = Topology.empty();
    private final List<JournalEntry> journal = new ArrayList<>();

    @Override
    public synchronized Topology load() {
        return committed;
    }

    @Override
    public synchronized long version() {
        return committed.version();
    }

    @Override
    public synchronized void commit(long expectedVersion, Topology after, Set<Object> touched, JournalEntry entry) {
        if (committed.version() != expectedVersion) {
            throw new ConcurrentChangeException("version moved from " + expectedVersion + " to " + committed.version());
        }
        committed = after;
        journal.add(entry);
    }

    @Override
    public synchronized List<JournalEntry> journal() {
        return List.copyOf(journal);
    }

    @Override
    public synchronized Optional<JournalEntry> findByClientToken(String clientToken) {
        return journal.stream().filter(e -> e.clientToken().equals(Optional.of(clientToken))).findFirst();
    }

    @Override
    public void close() {
    }
}
