package org.viflab.scenario;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.viflab.flow.FlowException;
import org.viflab.model.InvalidIdException;
import org.viflab.model.Sentence;

/**
 * What a parser said about text that is not a value, as a sentence. Ids ({@link InvalidIdException})
 * and flows ({@link FlowException}) carry their sentence. The parsers of {@code net} (which may depend
 * only on the JDK), of the model's and the coordinator's enums, and of this package's small enums
 * throw an {@code IllegalArgumentException} with English text: that text is read back into the
 * {@link Problem} whose English words it is, and kept verbatim when none is.
 *
 * <p>A sentence read back is used only when its English is the message byte for byte, so the English
 * of every error stays what the parser wrote.
 */
final class ValueErrors {

    /** The keys whose English is a parser's message, tried in order. */
    private static final List<Problem> PARSER_WORDS = List.of(
            Problem.MISSING_PROTOCOL, Problem.NOT_A_PROTOCOL, Problem.PREFIX_LENGTH_OUT_OF_RANGE,
            Problem.MISSING_PREFIX, Problem.NOT_A_PREFIX, Problem.NOT_A_MAC, Problem.PORT_RANGE_OUT_OF_ORDER,
            Problem.MISSING_PORT_RANGE, Problem.NOT_A_PORT_RANGE, Problem.INVALID_PORT_RANGE,
            Problem.MISSING_ADDRESS, Problem.NOT_AN_ADDRESS, Problem.NOT_A_PERMISSION,
            Problem.MISSING_ROUTE_TARGET, Problem.MISSING_RULE_PEER, Problem.NOT_A_DIRECTION, Problem.NOT_A_KIND,
            Problem.NOT_A_NIC_STATE, Problem.NOT_A_LAUNCH_STATE, Problem.NOT_AN_EXIT,
            Problem.NOT_A_PROPAGATION_MODE);

    /** Each key's English pattern as a regular expression, an argument matching any text. */
    private static final List<Pattern> PATTERNS = patterns();

    private ValueErrors() {
    }

    /** What {@code e} says, as a sentence. */
    static Sentence sentence(IllegalArgumentException e) {
        if (e instanceof InvalidIdException invalid) {
            return invalid.sentence();
        }
        if (e instanceof FlowException flow) {
            return flow.sentence();
        }
        return readBack(String.valueOf(e.getMessage()));
    }

    /** The sentence whose English is {@code message}, or {@code message} verbatim. */
    static Sentence readBack(String message) {
        for (int i = 0; i < PARSER_WORDS.size(); i++) {
            Matcher matcher = PATTERNS.get(i).matcher(message);
            if (!matcher.matches()) {
                continue;
            }
            Object[] args = new Object[matcher.groupCount()];
            for (int g = 0; g < args.length; g++) {
                args[g] = matcher.group(g + 1);
            }
            if (PARSER_WORDS.get(i) == Problem.INVALID_PORT_RANGE) {
                args[1] = readBack((String) args[1]);
            }
            Sentence said = Sentence.of(PARSER_WORDS.get(i), args);
            if (said.english().equals(message)) {
                return said;
            }
        }
        return Sentence.verbatim(message);
    }

    private static List<Pattern> patterns() {
        ResourceBundle english = ResourceBundle.getBundle(Problem.BUNDLE, Locale.ROOT,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        List<Pattern> out = new ArrayList<>();
        for (Problem key : PARSER_WORDS) {
            out.add(pattern(english.getString(key.name())));
        }
        return out;
    }

    /**
     * A {@code MessageFormat} pattern as a regular expression: the literal text quoted, each
     * argument {@code {n}} a group. The patterns read back use their arguments in order, once each.
     */
    static Pattern pattern(String messageFormat) {
        StringBuilder regex = new StringBuilder();
        StringBuilder literal = new StringBuilder();
        int i = 0;
        while (i < messageFormat.length()) {
            char c = messageFormat.charAt(i);
            if (c == '\'' && i + 1 < messageFormat.length() && messageFormat.charAt(i + 1) == '\'') {
                literal.append('\'');
                i += 2;
            } else if (c == '{') {
                int end = messageFormat.indexOf('}', i);
                regex.append(Pattern.quote(literal.toString())).append("(.*)");
                literal.setLength(0);
                i = end + 1;
            } else {
                literal.append(c);
                i++;
            }
        }
        regex.append(Pattern.quote(literal.toString()));
        return Pattern.compile(regex.toString(), Pattern.DOTALL);
    }
}
