package org.viflab.coordinator;

import java.util.List;
import java.util.Set;
import org.viflab.model.Topology;
import org.viflab.model.Sentence;

/**
 * The desired state of a lab, as the coordinator reads and writes it. Implementations keep the
 * database the source of truth: {@link #commit} checks that nobody else moved the version since
 * the snapshot the change was made from, so a second coordinator on the same lab reloads instead
 * of trusting a stale copy.
 *
 * <p>Nothing here is specific to one database engine.
 */
public interface Repository extends AutoCloseable {

    /** The last committed state. */
    Topology load();

    /** The committed version, cheaply (to tell whether {@link #load()} is needed). */
    long version();

    /**
     * Writes, in one transaction, the objects named in {@code touched} as they are in {@code after}
     * (present: inserted or updated; absent: deleted), the principals, the version and id sequence
     * of {@code after}, and the journal entry.
     *
     * @param expectedVersion the version the change was computed from
     * @throws ConcurrentChangeException if the committed version is no longer {@code expectedVersion}
     * @throws StoreException            if the database fails; nothing is written then
     */
    default void commit(long expectedVersion, Topology after, Set<Object> touched, JournalEntry entry) {
        commitAll(expectedVersion, after, touched, List.of(entry));
    }

    /**
     * Like {@link #commit} for several accepted requests at once (loading a topology): one
     * transaction moves the version from {@code expectedVersion} to {@code after.version()} and
     * writes one journal entry per version in between, in order.
     */
    void commitAll(long expectedVersion, Topology after, Set<Object> touched, List<JournalEntry> entries);

    /** Every accepted request, oldest first. */
    List<JournalEntry> journal();

    /** The journal entry of the accepted request that carried {@code clientToken}, if any. */
    java.util.Optional<JournalEntry> findByClientToken(String clientToken);

    @Override
    void close();

    /** The committed version moved under a writer: reload and try again. */
    final class ConcurrentChangeException extends RuntimeException {
        public ConcurrentChangeException(String message) {
            super(message);
        }
    }

    /**
     * The database failed, or a lab file was refused; the message says what was being done, in
     * English ({@link #getMessage()}) or in the language of the UI ({@link #sentence()}).
     */
    final class StoreException extends RuntimeException {

        private final transient Sentence sentence;

        public StoreException(String message, Throwable cause) {
            this(Sentence.verbatim(message), cause);
        }

        public StoreException(Sentence sentence, Throwable cause) {
            super(sentence.english(), cause);
            this.sentence = sentence;
        }

        /** What failed, to be said in any language. */
        public Sentence sentence() {
            return sentence;
        }
    }
}
