package org.viflab.scenario;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Compares field values from a scenario file (YAML scalars, lists and maps) with the lab's field
 * vocabulary: numbers by value, booleans and strings as text, and lists as sets unless their order
 * means something.
 */
final class FieldValues {

    private FieldValues() {
    }

    static Object normalise(Object value, boolean ordered) {
        if (value == null) {
            return "null";
        }
        if (value instanceof Number n) {
            return n.doubleValue() == Math.rint(n.doubleValue()) ? Long.toString(n.longValue()) : n.toString();
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> out = new TreeMap<>();
            map.forEach((k, v) -> out.put(String.valueOf(k), normalise(v, false)));
            return out;
        }
        if (value instanceof Collection<?> list) {
            List<Object> out = new ArrayList<>();
            for (Object item : list) {
                out.add(normalise(item, false));
            }
            if (!ordered) {
                out.sort((a, b) -> String.valueOf(a).compareTo(String.valueOf(b)));
            }
            return out;
        }
        return String.valueOf(value);
    }

    static String show(Object value) {
        if (value instanceof List<?> list) {
            return list.stream().map(FieldValues::show).collect(Collectors.joining(", ", "[", "]"));
        }
        if (value instanceof Map<?, ?> map) {
            return map.entrySet().stream().map(e -> e.getKey() + ": " + show(e.getValue()))
                    .collect(Collectors.joining(", ", "{", "}"));
        }
        return String.valueOf(value);
    }
}
