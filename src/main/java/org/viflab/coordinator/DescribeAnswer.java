package org.viflab.coordinator;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The answer to a describe: one row per object, each a map from field name to value in the shared
 * field vocabulary (strings, booleans, numbers, lists and maps of them), with {@code id} first.
 */
public record DescribeAnswer(Request.Kind kind, List<Map<String, Object>> rows) {

    public DescribeAnswer {
        Objects.requireNonNull(kind, "kind");
        rows = List.copyOf(rows);
    }

    public List<String> ids() {
        return rows.stream().map(row -> String.valueOf(row.get("id"))).toList();
    }
}
