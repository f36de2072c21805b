package org.viflab.cli;

import java.util.Optional;
import org.viflab.lab.Lab;
import org.viflab.scenario.JournalCodec;
import org.viflab.store.H2Repository;

/** Opening the lab a command works on. */
final class Labs {

    private Labs() {
    }

    /** The named lab (a path or a JDBC URL), or a fresh in-memory one. */
    static Lab open(Optional<String> database) {
        return Lab.open(database.map(H2Repository::open).orElseGet(H2Repository::inMemory), JournalCodec.INSTANCE);
    }

    /** The named lab, or the default lab file. */
    static Lab openOrDefault(Optional<String> database) {
        return Lab.open(database.map(H2Repository::open).orElseGet(() -> H2Repository.open(H2Repository.defaultLabPath())),
                JournalCodec.INSTANCE);
    }
}
