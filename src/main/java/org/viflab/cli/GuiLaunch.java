package org.viflab.cli;

import java.util.Optional;

/**
 * What {@code viflab} or {@code viflab gui} asked for: the lab to open (a path or a JDBC URL; empty:
 * the default lab) and optionally a scenario file to load into it.
 */
public record GuiLaunch(Optional<String> database, Optional<java.nio.file.Path> scenario) {
}
