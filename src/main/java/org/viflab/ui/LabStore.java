package org.viflab.ui;

import java.nio.file.Path;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Supplier;
import org.viflab.coordinator.Repository;

/**
 * Where labs are kept, as the GUI needs it: open a lab file, make a scratch lab in memory. The
 * composition root ({@link VifLabApp}) gives the H2 implementation; nothing else in the GUI knows
 * the database. Opening may take a while on a large lab: callers run it off the FX thread.
 *
 * @param opener          opens (creating it if needed) the lab at a file path or JDBC URL
 * @param scratch         a new, empty lab that lives in memory until the app closes
 * @param defaultLocation the lab opened when none is named
 * @param fileSuffix      how a lab file's name ends (H2: {@code .mv.db})
 */
public record LabStore(Function<String, Repository> opener, Supplier<Repository> scratch,
                       Supplier<Path> defaultLocation, String fileSuffix) {

    public LabStore {
        Objects.requireNonNull(opener, "opener");
        Objects.requireNonNull(scratch, "scratch");
        Objects.requireNonNull(defaultLocation, "defaultLocation");
        Objects.requireNonNull(fileSuffix, "fileSuffix");
    }

    public Repository open(String location) {
        return opener.apply(location);
    }

    public Repository inMemory() {
        return scratch.get();
    }
}
