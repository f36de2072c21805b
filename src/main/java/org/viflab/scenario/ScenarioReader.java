package org.viflab.scenario;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.viflab.model.Sentence;
import org.viflab.scenario.FileFormat.ScenarioDto;

/**
 * Reads scenario files (YAML, or JSON for a {@code .json} name) into {@link Scenario}s.
 *
 * <p>Every problem with the file — a syntax error, an unknown key, a value of the wrong type, a
 * missing required key, bad address text in the topology, a step with zero or two request keys, a
 * duplicate id, a dangling reference inside {@code topology} — is one {@link ScenarioException}
 * whose message is {@code file:line:col: path.to.key: reason}. References inside {@code steps} are
 * not checked (a step may name an object an earlier step creates, or an unknown one on purpose),
 * and a step whose parameters do not parse loads as {@link Step.Malformed}.
 *
 * <p>Input is bounded (4 MiB, 40 levels of nesting); YAML anchors, aliases and custom tags are
 * refused, so an alias bomb is rejected at its first anchor.
 */
public final class ScenarioReader {

    private ScenarioReader() {
    }

    /** Reads a file; its path as given names it in error messages. */
    public static Scenario read(Path file) {
        String name = file.toString();
        SourceDocument.Limits limits = SourceDocument.Limits.SCENARIO;
        return parse(name, readBounded(file, name, limits.maxBytes()), limits);
    }

    /** Reads {@code text} as if it were the file {@code sourceName} (its extension picks the syntax). */
    public static Scenario parse(String sourceName, String text) {
        return parse(sourceName, text.getBytes(StandardCharsets.UTF_8));
    }

    /** Reads {@code content} (UTF-8) as if it were the file {@code sourceName}. */
    public static Scenario parse(String sourceName, byte[] content) {
        return parse(sourceName, content, SourceDocument.Limits.SCENARIO);
    }

    static Scenario parse(String sourceName, byte[] content, SourceDocument.Limits limits) {
        SourceDocument.Format format = SourceDocument.Format.ofName(sourceName);
        // Most files are well formed: bind them in one pass. The steps' lines are kept on the way;
        // anything else the converter needs a position for comes from the located reading.
        Optional<SourceDocument.Bound<ScenarioDto>> direct = SourceDocument.bind(sourceName, content, format, limits,
                Mappers.BINDER, ScenarioDto.class, "steps");
        if (direct.isPresent()) {
            return new ScenarioConverter(direct.get().document()).convert(direct.get().value());
        }
        return parseLocated(sourceName, content, limits);
    }

    /**
     * Reads {@code content} the located way: a tree with every position, then binding. Files that
     * {@link #parse} cannot bind directly are read this way, so it reports every file error.
     */
    static Scenario parseLocated(String sourceName, byte[] content, SourceDocument.Limits limits) {
        SourceDocument doc = SourceDocument.parse(sourceName, content, SourceDocument.Format.ofName(sourceName),
                limits, path -> false);
        return new ScenarioConverter(doc).convert(bind(doc, ScenarioDto.class));
    }

    static byte[] readBounded(Path file, String name, int maxBytes) {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] content = in.readNBytes(maxBytes + 1);
            if (content.length > maxBytes) {
                throw new ScenarioException(name, 1, 1, Sentence.of(Problem.FILE_LARGER_THAN, maxBytes));
            }
            return content;
        } catch (IOException e) {
            throw new ScenarioException(name, 1, 1, Sentence.of(Problem.CANNOT_READ_FILE, e), e);
        }
    }

    /** Binds the document to {@code type}, turning Jackson's complaints into located file errors. */
    static <T> T bind(SourceDocument doc, Class<T> type) {
        if (!doc.root().isObject()) {
            throw doc.error(KeyPath.ROOT, Sentence.of(Problem.EXPECTED_SCENARIO_MAPPING, doc.kindAt(KeyPath.ROOT)));
        }
        try {
            return Mappers.BINDER.treeToValue(doc.root(), type);
        } catch (UnrecognizedPropertyException e) {
            KeyPath at = pathOf(e.getPath());
            List<String> known = knownKeys(e.getReferringClass(), e.getKnownPropertyIds());
            throw doc.error(at, Sentence.of(Problem.UNKNOWN_KEY, e.getPropertyName(),
                    Suggestions.didYouMean(e.getPropertyName(), known),
                    known.size() <= 16 ? Sentence.of(Problem.EXPECTED_ONE_OF, String.join(", ", known))
                            : Sentence.verbatim("")));
        } catch (Mappers.StrictMismatch e) {
            throw doc.error(pathOf(e.getPath()), e.sentence());
        } catch (MismatchedInputException e) {
            KeyPath at = pathOf(e.getPath());
            throw doc.error(at, Sentence.of(Problem.EXPECTED_FOUND, expected(e.getTargetType()), doc.kindAt(at)));
        } catch (JsonMappingException e) {
            throw doc.error(pathOf(e.getPath()), Sentence.verbatim(String.valueOf(e.getOriginalMessage())));
        } catch (IOException e) {
            throw doc.error(KeyPath.ROOT, Sentence.of(Problem.CANNOT_BIND_FILE, e.getMessage()));
        }
    }

    private static KeyPath pathOf(List<JsonMappingException.Reference> references) {
        KeyPath at = KeyPath.ROOT;
        for (JsonMappingException.Reference reference : references) {
            if (reference.getFieldName() != null) {
                at = at.key(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                at = at.index(reference.getIndex());
            }
        }
        return at;
    }

    /** The keys a mapping takes, in the order the format lists them (a record's component order). */
    private static List<String> knownKeys(Class<?> type, Collection<Object> ids) {
        List<String> out = new ArrayList<>();
        if (type != null && type.isRecord()) {
            for (RecordComponent component : type.getRecordComponents()) {
                JsonProperty renamed = component.getAccessor().getAnnotation(JsonProperty.class);
                out.add(renamed != null ? renamed.value() : component.getName());
            }
        } else if (ids != null) {
            ids.forEach(id -> out.add(String.valueOf(id)));
        }
        return out;
    }

    private static Sentence expected(Class<?> type) {
        if (type == null) {
            return Sentence.of(Problem.KIND_ANOTHER);
        }
        if (type == String.class) {
            return Sentence.of(Problem.KIND_TEXT);
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
            return Sentence.of(Problem.KIND_WHOLE_NUMBER);
        }
        if (type == Boolean.class || type == boolean.class) {
            return Sentence.of(Problem.KIND_TRUE_OR_FALSE);
        }
        if (Collection.class.isAssignableFrom(type)) {
            return Sentence.of(Problem.KIND_LIST);
        }
        if (Map.class.isAssignableFrom(type) || type.isRecord()) {
            return Sentence.of(Problem.KIND_MAPPING);
        }
        return Sentence.of(Problem.KIND_TYPE, type.getSimpleName());
    }
}
