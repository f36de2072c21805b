package org.viflab.scenario;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Values as a file holds them: text, {@code Long} (or {@code BigInteger}), {@code Double},
 * {@code Boolean}, and lists and maps of them. Other numbers are widened so that a value built in
 * code equals the same value read back from a file.
 */
final class PlainValues {

    private PlainValues() {
    }

    static Object normalize(Object value) {
        if (value instanceof String || value instanceof Boolean || value instanceof Long || value instanceof Double) {
            return value;
        }
        if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return ((Number) value).longValue();
        }
        if (value instanceof Float f) {
            return f.doubleValue();
        }
        if (value instanceof BigInteger big) {
            return big.bitLength() < 64 ? (Object) big.longValue() : big;
        }
        if (value instanceof List<?> list) {
            List<Object> out = new ArrayList<>();
            list.forEach(item -> out.add(normalize(item)));
            return Collections.unmodifiableList(out);
        }
        if (value instanceof Map<?, ?> map) {
            return normalizeMap(map);
        }
        throw new IllegalArgumentException("a scenario value is text, a number, true/false, or a list or map of them; not "
                + (value == null ? "null" : value.getClass().getSimpleName()));
    }

    static Map<String, Object> normalizeMap(Map<?, ?> map) {
        Map<String, Object> out = new LinkedHashMap<>();
        map.forEach((k, v) -> {
            if (!(k instanceof String key)) {
                throw new IllegalArgumentException("a scenario map has text keys, not " + k);
            }
            out.put(key, normalize(v));
        });
        return Collections.unmodifiableMap(out);
    }
}
