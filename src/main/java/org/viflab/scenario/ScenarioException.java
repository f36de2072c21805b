package org.viflab.scenario;

import java.util.Objects;

/**
 * A scenario (or AWS export) file that cannot be read: its message is {@code file:line:col: reason},
 * where the position is that of the offending key (or list entry) and the reason names the key by
 * its path, e.g. {@code lab.yaml:12:7: topology.subnets[0].cidr: '10.0.1.0/33' is not an IPv4 CIDR
 * prefix}. Lines and columns count from 1.
 */
public class ScenarioException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String source;
    private final int line;
    private final int column;
    private final String reason;

    public ScenarioException(String source, int line, int column, String reason) {
        this(source, line, column, reason, null);
    }

    public ScenarioException(String source, int line, int column, String reason, Throwable cause) {
        super(Objects.requireNonNull(source, "source") + ":" + line + ":" + column + ": "
                + Objects.requireNonNull(reason, "reason"), cause);
        this.source = source;
        this.line = line;
        this.column = column;
        this.reason = reason;
    }

    /** The file name (or another name the text was read under). */
    public String source() {
        return source;
    }

    /** The line of the offending key, from 1. */
    public int line() {
        return line;
    }

    /** The column of the offending key, from 1. */
    public int column() {
        return column;
    }

    /** What is wrong, without the position. */
    public String reason() {
        return reason;
    }
}
