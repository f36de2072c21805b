package org.viflab.scenario;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.util.JsonParserDelegate;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.viflab.model.Sentence;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * A YAML or JSON document read into a Jackson tree, with the line and column of every key and
 * value kept by path, so that errors found after binding (a dangling reference, a bad address)
 * still point at the offending key.
 *
 * <p>Reading is bounded: the input size, the nesting depth and the code points are limited, and
 * YAML anchors, aliases and custom tags are refused outright (so an alias bomb fails at its first
 * anchor, before anything is expanded). Duplicate keys are refused in both formats.
 *
 * <p>A well-formed file need not become a tree at all: {@link #bind} checks the same rules while
 * Jackson binds the parser's tokens straight to records, and keeps only the positions asked for
 * (a scenario's steps). The located tree is built from the same bytes only when a position or a
 * value the binding did not keep is needed: for an error, or a step whose parameters do not parse.
 * Whenever the direct reading fails, the file is read the located way from the start, so every
 * error is reported exactly as that reading reports it.
 */
final class SourceDocument {

    /** The two syntaxes a scenario may be written in. */
    enum Format {
        YAML, JSON;

        /** JSON for a {@code .json} name, YAML otherwise. */
        static Format ofName(String name) {
            return name.toLowerCase(Locale.ROOT).endsWith(".json") ? JSON : YAML;
        }
    }

    /** Bounds on what is read. */
    record Limits(int maxBytes, int maxDepth) {
        static final Limits SCENARIO = new Limits(4 * 1024 * 1024, 40);
        static final Limits AWS_EXPORT = new Limits(64 * 1024 * 1024, 40);
    }

    /** A line and a column, both from 1. */
    record Position(int line, int column) {
        static final Position START = new Position(1, 1);

        static Position of(JsonLocation location) {
            if (location == null || location.getLineNr() < 1) {
                return START;
            }
            return new Position(location.getLineNr(), Math.max(1, location.getColumnNr()));
        }
    }

    /** Where a value was written: the key introducing it (absent for list entries) and the value. */
    record Located(Position key, Position value, Problem kind) {
    }

    private final String name;
    /** Positions kept while binding directly (see {@link #bind}); answered without the located tree. */
    private final Map<KeyPath, Position> kept;
    /** Builds the located tree, for a document bound directly; null once built (or when built eagerly). */
    private Supplier<SourceDocument> locate;
    private JsonNode root;
    private Map<String, Located> positions;

    private SourceDocument(String name, JsonNode root, Map<String, Located> positions) {
        this.name = name;
        this.kept = Map.of();
        this.root = root;
        this.positions = positions;
    }

    private SourceDocument(String name, Map<KeyPath, Position> kept, Supplier<SourceDocument> locate) {
        this.name = name;
        this.kept = kept;
        this.locate = locate;
    }

    /** Builds the located tree of a directly bound document, once. */
    private void located() {
        if (locate != null) {
            SourceDocument full = locate.get();
            root = full.root;
            positions = full.positions;
            locate = null;
        }
    }

    String name() {
        return name;
    }

    JsonNode root() {
        located();
        return root;
    }

    /** The node at {@code path}, or a missing node. */
    JsonNode at(KeyPath path) {
        return root().at(path.pointer());
    }

    /** The position of the key at {@code path} (of the value for a list entry, of its nearest ancestor if absent). */
    Position position(KeyPath path) {
        Position known = kept.get(path);
        if (known != null) {
            return known;
        }
        located();
        KeyPath at = path;
        while (true) {
            Located located = positions.get(at.pointer());
            if (located != null) {
                return located.key() != null ? located.key() : located.value();
            }
            if (at.isRoot()) {
                return Position.START;
            }
            at = at.parent();
        }
    }

    /** How the value at {@code path} was written: "a mapping", "a list", "text", "a number", "true/false". */
    Sentence kindAt(KeyPath path) {
        located();
        Located located = positions.get(path.pointer());
        return Sentence.of(located == null ? Problem.KIND_NOTHING : located.kind());
    }

    /** An error about the key at {@code path}: {@code file:line:col: path: detail}. */
    ScenarioException error(KeyPath path, Sentence detail) {
        Position at = position(path);
        return new ScenarioException(name, at.line(), at.column(), Problem.at(path, detail));
    }

    // ---- reading ------------------------------------------------------------------------------

    static JsonFactory factory(Format format, Limits limits) {
        StreamReadConstraints constraints = StreamReadConstraints.builder()
                .maxNestingDepth(limits.maxDepth() + 2)
                .maxDocumentLength(limits.maxBytes())
                .maxStringLength(limits.maxBytes())
                .maxNumberLength(100)
                .build();
        if (format == Format.JSON) {
            return JsonFactory.builder().streamReadConstraints(constraints).build();
        }
        LoaderOptions loader = new LoaderOptions();
        // Duplicate keys are found by the tree builder below, which points at the second key itself.
        loader.setAllowDuplicateKeys(true);
        loader.setMaxAliasesForCollections(10);
        loader.setNestingDepthLimit(limits.maxDepth() + 2);
        loader.setCodePointLimit(limits.maxBytes());
        loader.setAllowRecursiveKeys(false);
        return YAMLFactory.builder()
                .loaderOptions(loader)
                .streamReadConstraints(constraints)
                .enable(YAMLParser.Feature.PARSE_BOOLEAN_LIKE_WORDS_AS_STRINGS)
                .build();
    }

    /**
     * Reads {@code content}. {@code nullAllowed} says where an explicit null may appear (a null
     * anywhere else is "a key without a value", an error).
     */
    static SourceDocument parse(String name, byte[] content, Format format, Limits limits,
                                Predicate<KeyPath> nullAllowed) {
        Objects.requireNonNull(name, "name");
        if (content.length > limits.maxBytes()) {
            throw new ScenarioException(name, 1, 1, Sentence.of(Problem.FILE_LARGER_THAN, limits.maxBytes()));
        }
        try (JsonParser parser = factory(format, limits).createParser(content)) {
            return new Builder(name, parser, limits, nullAllowed).read();
        } catch (ScenarioException e) {
            throw e;
        } catch (JsonProcessingException e) {
            if (e.getCause() instanceof MarkedYAMLException yaml && yaml.getProblemMark() != null) {
                Sentence problem = yaml.getProblem() == null ? Sentence.of(Problem.MALFORMED_YAML)
                        : Sentence.verbatim(yaml.getProblem());
                Sentence context = yaml.getContext() == null ? Sentence.verbatim("")
                        : Sentence.of(Problem.SYNTAX_CONTEXT, yaml.getContext());
                throw new ScenarioException(name, yaml.getProblemMark().getLine() + 1,
                        yaml.getProblemMark().getColumn() + 1, Sentence.of(Problem.YAML_SYNTAX, problem, context), e);
            }
            Position at = Position.of(e.getLocation());
            throw new ScenarioException(name, at.line(), at.column(), syntaxMessage(format, e.getOriginalMessage()), e);
        } catch (IOException | RuntimeException e) {
            throw new ScenarioException(name, 1, 1, Sentence.of(Problem.CANNOT_READ_FILE, e.getMessage()), e);
        }
    }

    /** A value bound directly from a file, and the file as a document (for positions and errors). */
    record Bound<T>(T value, SourceDocument document) {
    }

    /**
     * Reads {@code content} straight into {@code type} with {@code binder}, checking on the way every
     * rule that {@link #parse} checks, with no explicit null allowed anywhere. The positions of the
     * entries of the top-level list under {@code keptList} (a scenario's steps) are kept; any other
     * position, and the tree itself, come from a located reading of the same bytes made on demand.
     *
     * @return empty if the file breaks a rule, does not bind, or the root is not a mapping: the caller
     *         then reads it with {@link #parse}, which reports the problem with its position
     */
    static <T> Optional<Bound<T>> bind(String name, byte[] content, Format format, Limits limits, ObjectMapper binder,
                                       Class<T> type, String keptList) {
        Objects.requireNonNull(name, "name");
        if (content.length > limits.maxBytes()) {
            return Optional.empty();
        }
        try (CheckingParser parser = new CheckingParser(factory(format, limits).createParser(content), limits, keptList)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return Optional.empty();
            }
            T value = binder.readValue(parser, type);
            if (value == null || parser.nextToken() != null) {
                return Optional.empty();
            }
            Map<KeyPath, Position> kept = new HashMap<>();
            KeyPath list = KeyPath.ROOT.key(keptList);
            List<Position> entries = parser.keptEntries;
            for (int i = 0; i < entries.size(); i++) {
                kept.put(list.index(i), entries.get(i));
            }
            return Optional.of(new Bound<>(value, new SourceDocument(name, kept,
                    () -> parse(name, content, format, limits, path -> false))));
        } catch (IOException | RuntimeException e) {
            // Reported by the located reading, which the caller makes next.
            return Optional.empty();
        }
    }

    /** Stops a direct reading: the located reading will find and report the problem. */
    private static final class Refused extends RuntimeException {
        private static final long serialVersionUID = 1L;
        static final Refused INSTANCE = new Refused();

        private Refused() {
            super("refused", null, false, false);
        }
    }

    /**
     * Passes tokens to the binder while checking what {@link Builder} checks: duplicate keys, one
     * document, no anchors, aliases, custom tags or nulls, the depth. It keeps no path: at the first
     * problem it stops, and the located reading says where. Every way of advancing goes through
     * {@link #nextToken()}.
     */
    private static final class CheckingParser extends JsonParserDelegate {
        private final YAMLParser yaml;
        private final int maxDepth;
        private final String keptList;
        private final List<Frame> frames = new ArrayList<>();
        private int depth;
        private boolean rootSeen;
        final List<Position> keptEntries = new ArrayList<>();

        /** One open mapping or list; reused for every container at its depth. */
        private static final class Frame {
            private static final int FEW = 12;
            boolean object;
            boolean keepEntries;
            String pendingKey;
            private final String[] keys = new String[FEW];
            private int count;
            private Set<String> many;

            void reset(boolean isObject, boolean keep) {
                object = isObject;
                keepEntries = keep;
                pendingKey = null;
                count = 0;
                many = null;
            }

            /** False if the mapping already has this key. */
            boolean addKey(String key) {
                pendingKey = key;
                if (many != null) {
                    return many.add(key);
                }
                for (int i = 0; i < count; i++) {
                    if (keys[i].equals(key)) {
                        return false;
                    }
                }
                if (count < FEW) {
                    keys[count++] = key;
                    return true;
                }
                many = new HashSet<>(List.of(keys));
                return many.add(key);
            }
        }

        CheckingParser(JsonParser parser, Limits limits, String keptList) {
            super(parser);
            this.yaml = parser instanceof YAMLParser y ? y : null;
            this.maxDepth = limits.maxDepth();
            this.keptList = keptList;
        }

        @Override
        public JsonToken nextToken() throws IOException {
            JsonToken token = delegate.nextToken();
            if (token == null) {
                return null;
            }
            switch (token) {
                case FIELD_NAME -> {
                    if (!frames.get(depth - 1).addKey(delegate.currentName())) {
                        throw Refused.INSTANCE;
                    }
                }
                case END_OBJECT, END_ARRAY -> depth--;
                default -> value(token);
            }
            return token;
        }

        private void value(JsonToken token) throws IOException {
            if (depth == 0 && rootSeen) {
                throw Refused.INSTANCE;
            }
            rootSeen = true;
            if (yaml != null && (yaml.isCurrentAlias() || yaml.getObjectId() != null || customTag(yaml.getTypeId()))) {
                throw Refused.INSTANCE;
            }
            Frame parent = depth == 0 ? null : frames.get(depth - 1);
            if (parent != null && parent.keepEntries) {
                keptEntries.add(Position.of(delegate.currentTokenLocation()));
            }
            switch (token) {
                case START_OBJECT, START_ARRAY -> {
                    if (depth >= maxDepth) {
                        throw Refused.INSTANCE;
                    }
                    boolean keep = token == JsonToken.START_ARRAY && depth == 1 && parent.object
                            && keptList.equals(parent.pendingKey);
                    if (frames.size() == depth) {
                        frames.add(new Frame());
                    }
                    frames.get(depth++).reset(token == JsonToken.START_OBJECT, keep);
                }
                case VALUE_STRING, VALUE_TRUE, VALUE_FALSE -> {
                }
                // Read as the located reading reads them, so that a number it refuses is refused here.
                case VALUE_NUMBER_INT -> {
                    switch (delegate.getNumberType()) {
                        case INT -> delegate.getIntValue();
                        case LONG -> delegate.getLongValue();
                        default -> delegate.getBigIntegerValue();
                    }
                }
                case VALUE_NUMBER_FLOAT -> delegate.getDoubleValue();
                default -> throw Refused.INSTANCE;
            }
        }

        private static boolean customTag(Object tag) {
            return tag != null && !tag.toString().startsWith("tag:yaml.org,2002:");
        }

        @Override
        public JsonToken nextValue() throws IOException {
            JsonToken token = nextToken();
            return token == JsonToken.FIELD_NAME ? nextToken() : token;
        }

        @Override
        public JsonParser skipChildren() throws IOException {
            JsonToken current = currentToken();
            if (current != JsonToken.START_OBJECT && current != JsonToken.START_ARRAY) {
                return this;
            }
            int open = 1;
            while (open > 0) {
                JsonToken token = nextToken();
                if (token == null) {
                    return this;
                }
                if (token.isStructStart()) {
                    open++;
                } else if (token.isStructEnd()) {
                    open--;
                }
            }
            return this;
        }
    }

    private static Sentence syntaxMessage(Format format, String message) {
        Sentence said;
        if (message == null) {
            said = Sentence.of(Problem.MALFORMED_INPUT);
        } else {
            // The parser's own words (the library's, in English) stay as they are.
            String text = message.strip();
            int newline = text.indexOf('\n');
            if (newline > 0) {
                text = text.substring(0, newline).strip();
            }
            said = Sentence.verbatim(text);
        }
        return format == Format.JSON ? Sentence.of(Problem.JSON_SYNTAX, said)
                : Sentence.of(Problem.YAML_SYNTAX, said, Sentence.verbatim(""));
    }

    private static final class Frame {
        final JsonNode node;
        final KeyPath path;
        final Set<String> keys = new HashSet<>();
        int nextIndex;
        String pendingKey;
        Position pendingKeyPosition;

        Frame(JsonNode node, KeyPath path) {
            this.node = node;
            this.path = path;
        }
    }

    private static final class Builder {
        private final String name;
        private final JsonParser parser;
        private final Limits limits;
        private final Predicate<KeyPath> nullAllowed;
        private final Map<String, Located> positions = new HashMap<>();
        private final Deque<Frame> stack = new ArrayDeque<>();
        private final JsonNodeFactory nodes = JsonNodeFactory.instance;

        Builder(String name, JsonParser parser, Limits limits, Predicate<KeyPath> nullAllowed) {
            this.name = name;
            this.parser = parser;
            this.limits = limits;
            this.nullAllowed = nullAllowed;
        }

        private ScenarioException error(Position at, Sentence reason) {
            return new ScenarioException(name, at.line(), at.column(), reason);
        }

        private ScenarioException error(Position at, KeyPath path, Sentence detail) {
            return error(at, Problem.at(path, detail));
        }

        SourceDocument read() throws IOException {
            JsonNode root = null;
            JsonToken token;
            while ((token = nextToken()) != null) {
                Position here = Position.of(parser.currentTokenLocation());
                if (token == JsonToken.FIELD_NAME) {
                    Frame frame = stack.peek();
                    String key = parser.currentName();
                    if (!frame.keys.add(key)) {
                        throw error(here, frame.path.key(key), Sentence.of(Problem.DUPLICATE_KEY, key));
                    }
                    frame.pendingKey = key;
                    frame.pendingKeyPosition = here;
                    continue;
                }
                if (token == JsonToken.END_OBJECT || token == JsonToken.END_ARRAY) {
                    stack.pop();
                    continue;
                }
                if (root != null && stack.isEmpty()) {
                    throw error(here, Sentence.of(Problem.ONE_DOCUMENT));
                }
                checkYamlFeatures(here);
                Frame parent = stack.peek();
                KeyPath path;
                Position keyPosition = null;
                if (parent == null) {
                    path = KeyPath.ROOT;
                } else if (parent.node.isObject()) {
                    path = parent.path.key(parent.pendingKey);
                    keyPosition = parent.pendingKeyPosition;
                } else {
                    path = parent.path.index(parent.nextIndex++);
                }
                JsonNode value = value(token, path, here);
                positions.put(path.pointer(), new Located(keyPosition, here, kind(token)));
                if (parent == null) {
                    root = value;
                } else if (parent.node instanceof ObjectNode object) {
                    object.set(parent.pendingKey, value);
                } else {
                    ((ArrayNode) parent.node).add(value);
                }
                if (value.isContainerNode()) {
                    if (stack.size() >= limits.maxDepth()) {
                        throw error(here, path, Sentence.of(Problem.NESTED_DEEPER, limits.maxDepth()));
                    }
                    stack.push(new Frame(value, path));
                }
            }
            if (root == null) {
                throw error(Position.START, Sentence.of(Problem.FILE_EMPTY));
            }
            return new SourceDocument(name, root, Map.copyOf(positions));
        }

        private JsonToken nextToken() throws IOException {
            return parser.nextToken();
        }

        private void checkYamlFeatures(Position here) throws IOException {
            if (!(parser instanceof YAMLParser yaml)) {
                return;
            }
            if (yaml.isCurrentAlias()) {
                throw error(here, Sentence.of(Problem.YAML_ALIAS, parser.getText()));
            }
            Object anchor = yaml.getObjectId();
            if (anchor != null) {
                throw error(here, Sentence.of(Problem.YAML_ANCHOR, anchor));
            }
            Object tag = yaml.getTypeId();
            if (tag != null && !tag.toString().startsWith("tag:yaml.org,2002:")) {
                throw error(here, Sentence.of(Problem.YAML_TAG, tag));
            }
        }

        private JsonNode value(JsonToken token, KeyPath path, Position here) throws IOException {
            return switch (token) {
                case START_OBJECT -> nodes.objectNode();
                case START_ARRAY -> nodes.arrayNode();
                case VALUE_STRING -> nodes.textNode(parser.getText());
                case VALUE_TRUE -> nodes.booleanNode(true);
                case VALUE_FALSE -> nodes.booleanNode(false);
                case VALUE_NUMBER_INT -> switch (parser.getNumberType()) {
                    case INT -> nodes.numberNode(parser.getIntValue());
                    case LONG -> nodes.numberNode(parser.getLongValue());
                    default -> nodes.numberNode(parser.getBigIntegerValue());
                };
                case VALUE_NUMBER_FLOAT -> nodes.numberNode(parser.getDoubleValue());
                case VALUE_NULL -> {
                    if (!nullAllowed.test(path)) {
                        throw error(here, path, Sentence.of(Problem.HAS_NO_VALUE));
                    }
                    yield nodes.nullNode();
                }
                default -> throw error(here, path, Sentence.of(Problem.UNSUPPORTED_VALUE, token));
            };
        }

        private static Problem kind(JsonToken token) {
            return switch (token) {
                case START_OBJECT -> Problem.KIND_MAPPING;
                case START_ARRAY -> Problem.KIND_LIST;
                case VALUE_STRING -> Problem.KIND_TEXT;
                case VALUE_TRUE, VALUE_FALSE -> Problem.KIND_TRUE_FALSE;
                case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> Problem.KIND_NUMBER;
                case VALUE_NULL -> Problem.KIND_NOTHING;
                default -> Problem.KIND_VALUE;
            };
        }
    }
}
