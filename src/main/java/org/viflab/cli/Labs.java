package org.viflab.cli;

import java.util.Optional;
import org.viflab.coordinator.Repository;
import org.viflab.lab.Lab;
import org.viflab.scenario.JournalCodec;
import org.viflab.store.H2Repository;

/** Opening the lab a command works on. */
final class Labs {

    private Labs() {
    }

    /**
     * A lab the store refused to open (a path it cannot take, a file open elsewhere, damaged, not a
     * lab…): bad input, told with the store's sentence and exit code 2, not an internal error.
     */
    static final class Unusable extends RuntimeException {
        Unusable(Repository.StoreException refusal) {
            super(refusal.getMessage(), refusal);
        }
    }

    /** The named lab (a path or a JDBC URL), or a fresh in-memory one. */
    static Lab open(Optional<String> database) {
        return Lab.open(database.map(db -> refusedAsBadInput(() -> H2Repository.open(db)))
                .orElseGet(H2Repository::inMemory), JournalCodec.INSTANCE);
    }

    /** The named lab, or the default lab file. */
    static Lab openOrDefault(Optional<String> database) {
        return Lab.open(refusedAsBadInput(() -> database.map(H2Repository::open)
                .orElseGet(() -> H2Repository.open(H2Repository.defaultLabPath()))), JournalCodec.INSTANCE);
    }

    /** The repository {@code opening} opens; a lab the store refuses is {@link Unusable}. */
    private static Repository refusedAsBadInput(java.util.function.Supplier<? extends Repository> opening) {
        try {
            return opening.get();
        } catch (Repository.StoreException e) {
            throw new Unusable(e);
        }
    }
}
