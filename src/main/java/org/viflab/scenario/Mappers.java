package org.viflab.scenario;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.fasterxml.jackson.dataformat.yaml.util.StringQuotingChecker;
import java.io.IOException;
import org.viflab.model.Sentence;

/**
 * The Jackson mappers of the scenario package: a strict binder (unknown keys fail, and a scalar
 * binds only to a field of its own type: no text for a number, no number for text, no single
 * value for a list) and the YAML and JSON writers.
 */
final class Mappers {

    private Mappers() {
    }

    /** Binds a located tree ({@link SourceDocument}) to the {@link FileFormat} records. */
    static final ObjectMapper BINDER = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .disable(DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .disable(DeserializationFeature.ACCEPT_EMPTY_STRING_AS_NULL_OBJECT)
            .disable(DeserializationFeature.ACCEPT_EMPTY_ARRAY_AS_NULL_OBJECT)
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .addModule(strictScalars())
            .build();

    /** Writes {@link FileFormat} records as YAML in the style of scenario-format.md. */
    static final ObjectMapper YAML_WRITER = YAMLMapper.builder(YAMLFactory.builder()
                    .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
                    .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
                    .enable(YAMLGenerator.Feature.LITERAL_BLOCK_STYLE)
                    .enable(YAMLGenerator.Feature.INDENT_ARRAYS_WITH_INDICATOR)
                    .disable(YAMLGenerator.Feature.SPLIT_LINES)
                    .stringQuotingChecker(new QuoteNonText())
                    .build())
            .serializationInclusion(JsonInclude.Include.NON_NULL)
            .disable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
            .build();

    /** Writes {@link FileFormat} records as indented JSON. */
    static final ObjectMapper JSON_WRITER = JsonMapper.builder()
            .serializationInclusion(JsonInclude.Include.NON_NULL)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .build();

    /**
     * Quotes, besides what the default quotes, every value a YAML reader could take for something
     * other than text: numbers in any YAML spelling ({@code 1}, {@code 1_000}, {@code 0x1F},
     * {@code 1e3}, {@code .inf}) and digits separated by colons ({@code 02:00:00:00:00:01}, a base-60
     * number to YAML 1.1 readers). Addresses and prefixes stay plain.
     */
    private static final class QuoteNonText extends StringQuotingChecker.Default {
        private static final long serialVersionUID = 1L;
        private static final java.util.regex.Pattern NUMBER = java.util.regex.Pattern.compile(
                "[-+]?(0x[0-9a-fA-F_]+|0o[0-7_]+|0b[01_]+|[0-9][0-9_]*(\\.[0-9_]*)?([eE][-+]?[0-9]+)?"
                + "|\\.[0-9_]+([eE][-+]?[0-9]+)?|\\.(inf|Inf|INF))|\\.(nan|NaN|NAN)");

        @Override
        public boolean needToQuoteValue(String value) {
            return super.needToQuoteValue(value) || NUMBER.matcher(value).matches()
                    || (!value.isEmpty() && Character.isDigit(value.charAt(0)) && value.indexOf(':') > 0);
        }
    }

    /** A scalar of the wrong type; its message is complete ("expected text, found a number"). */
    static final class StrictMismatch extends MismatchedInputException {
        private static final long serialVersionUID = 1L;

        private final transient Sentence sentence;

        StrictMismatch(JsonParser parser, Sentence sentence, Class<?> target) {
            super(parser, sentence.english(), target);
            this.sentence = sentence;
        }

        /** The message, to be said in any language. */
        Sentence sentence() {
            return sentence;
        }
    }

    private static StrictMismatch expected(JsonParser p, Problem expected, Class<?> target) {
        return new StrictMismatch(p, Sentence.of(Problem.EXPECTED_FOUND, Sentence.of(expected),
                Sentence.of(found(p.currentToken()))), target);
    }

    private static StrictMismatch outOfRange(JsonParser p, Class<?> target) throws IOException {
        return new StrictMismatch(p, Sentence.of(Problem.NUMBER_OUT_OF_RANGE, p.getText()), target);
    }

    private static Problem found(JsonToken token) {
        if (token == null) {
            return Problem.KIND_NOTHING;
        }
        return switch (token) {
            case START_OBJECT, FIELD_NAME -> Problem.KIND_MAPPING;
            case START_ARRAY -> Problem.KIND_LIST;
            case VALUE_STRING -> Problem.KIND_TEXT;
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> Problem.KIND_NUMBER;
            case VALUE_TRUE, VALUE_FALSE -> Problem.KIND_TRUE_FALSE;
            default -> Problem.KIND_NOTHING;
        };
    }

    private static SimpleModule strictScalars() {
        SimpleModule module = new SimpleModule("viflab-strict-scalars");
        module.addDeserializer(String.class, new StdScalarDeserializer<String>(String.class) {
            private static final long serialVersionUID = 1L;

            @Override
            public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
                if (p.hasToken(JsonToken.VALUE_STRING)) {
                    return p.getText();
                }
                throw expected(p, Problem.KIND_TEXT, String.class);
            }
        });
        module.addDeserializer(Integer.class, new StdScalarDeserializer<Integer>(Integer.class) {
            private static final long serialVersionUID = 1L;

            @Override
            public Integer deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
                if (p.hasToken(JsonToken.VALUE_NUMBER_INT)) {
                    if (p.getNumberType() != JsonParser.NumberType.INT) {
                        throw outOfRange(p, Integer.class);
                    }
                    return p.getIntValue();
                }
                throw expected(p, Problem.KIND_WHOLE_NUMBER, Integer.class);
            }
        });
        module.addDeserializer(Long.class, new StdScalarDeserializer<Long>(Long.class) {
            private static final long serialVersionUID = 1L;

            @Override
            public Long deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
                if (p.hasToken(JsonToken.VALUE_NUMBER_INT)) {
                    JsonParser.NumberType type = p.getNumberType();
                    if (type != JsonParser.NumberType.INT && type != JsonParser.NumberType.LONG) {
                        throw outOfRange(p, Long.class);
                    }
                    return p.getLongValue();
                }
                throw expected(p, Problem.KIND_WHOLE_NUMBER, Long.class);
            }
        });
        module.addDeserializer(Boolean.class, new StdScalarDeserializer<Boolean>(Boolean.class) {
            private static final long serialVersionUID = 1L;

            @Override
            public Boolean deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
                if (p.hasToken(JsonToken.VALUE_TRUE)) {
                    return Boolean.TRUE;
                }
                if (p.hasToken(JsonToken.VALUE_FALSE)) {
                    return Boolean.FALSE;
                }
                throw expected(p, Problem.KIND_TRUE_OR_FALSE, Boolean.class);
            }
        });
        return module;
    }
}
