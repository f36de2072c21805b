package org.viflab.ui;

import java.nio.file.Path;
import org.viflab.coordinator.Repository;

/**
 * Where labs are kept, as the GUI needs it: open a lab file, make a scratch lab in memory. The
 * composition root ({@link VifLabApp}) gives the H2 implementation; nothing else in the GUI knows
 * the database. Opening may take a while on a large lab: callers run it off the FX thread.
 */
public interface LabStore {

    /** Opens (creating it if needed) the lab at a file path or JDBC URL. */
    Repository open(String location);

    /** A new, empty lab that lives in memory until the app closes. */
    Repository inMemory();

    /** The lab opened when none is named. */
    Path defaultLocation();

    /** How a lab file's name ends (H2: {@code .mv.db}). */
    String fileSuffix();
}
