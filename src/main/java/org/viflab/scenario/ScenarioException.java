package org.viflab.scenario;

import java.util.Locale;
import java.util.Objects;
import org.viflab.model.Sentence;

/**
 * A scenario (or AWS export) file that cannot be read: its message is {@code file:line:col: reason},
 * where the position is that of the offending key (or list entry) and the reason names the key by
 * its path, e.g. {@code lab.yaml:12:7: topology.subnets[0].cidr: '10.0.1.0/33' is not an IPv4 CIDR
 * prefix}. Lines and columns count from 1.
 *
 * <p>The reason is a {@link Sentence}: {@link #getMessage()} and {@link #reason()} say it in English,
 * as the command line and the tests read it; {@link #message(Locale)} says it in the language of the
 * UI, with the file, line and column written as they are.
 */
public class ScenarioException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String source;
    private final int line;
    private final int column;
    private final String reason;
    private final transient Sentence sentence;

    public ScenarioException(String source, int line, int column, String reason) {
        this(source, line, column, reason, null);
    }

    public ScenarioException(String source, int line, int column, String reason, Throwable cause) {
        this(source, line, column, Sentence.verbatim(Objects.requireNonNull(reason, "reason")), cause);
    }

    public ScenarioException(String source, int line, int column, Sentence reason) {
        this(source, line, column, reason, null);
    }

    public ScenarioException(String source, int line, int column, Sentence reason, Throwable cause) {
        this(source, line, column, Objects.requireNonNull(reason, "reason"), reason.english(), cause);
    }

    private ScenarioException(String source, int line, int column, Sentence sentence, String english, Throwable cause) {
        super(Objects.requireNonNull(source, "source") + ":" + line + ":" + column + ": " + english, cause);
        this.source = source;
        this.line = line;
        this.column = column;
        this.reason = english;
        this.sentence = sentence;
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

    /** What is wrong, without the position, in English. */
    public String reason() {
        return reason;
    }

    /** What is wrong, without the position, to be said in any language. */
    public Sentence sentence() {
        return sentence;
    }

    /** {@code file:line:col: reason} with the reason in {@code locale}'s language. */
    public String message(Locale locale) {
        return source + ":" + line + ":" + column + ": " + sentence.in(locale);
    }
}
