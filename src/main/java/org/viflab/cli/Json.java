package org.viflab.cli;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.viflab.bench.Figure;

/** The small JSON the command line prints (machine-readable reports), written by hand: flat objects only. */
final class Json {

    private Json() {
    }

    static String string(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }

    static String number(double value) {
        return String.format(Locale.ROOT, "%.6g", value);
    }

    static String figures(List<Figure> figures) {
        return figures.stream().map(f -> "  {\"name\": " + string(f.name())
                        + ", \"value\": " + number(f.value())
                        + ", \"unit\": " + string(f.unit())
                        + ", \"baseline\": " + (f.baseline().isPresent() ? number(f.baseline().getAsDouble()) : "null")
                        + ", \"ratio\": " + (f.ratio().isPresent() ? number(f.ratio().getAsDouble()) : "null")
                        + ", \"target\": " + (f.target().isPresent() ? number(f.target().getAsDouble()) : "null")
                        + ", \"pass\": " + f.pass() + "}")
                .collect(Collectors.joining(",\n", "[\n", "\n]"));
    }

    /** Any value of the field vocabulary: strings, numbers, booleans, null, lists and maps of them. */
    static String value(Object value) {
        if (value == null) {
            return "null";
        }
        if (value instanceof Boolean b) {
            return b.toString();
        }
        if (value instanceof Integer || value instanceof Long) {
            return value.toString();
        }
        if (value instanceof Number n) {
            return number(n.doubleValue());
        }
        if (value instanceof java.util.Map<?, ?> map) {
            return map.entrySet().stream().map(e -> string(String.valueOf(e.getKey())) + ": " + value(e.getValue()))
                    .collect(Collectors.joining(", ", "{", "}"));
        }
        if (value instanceof java.util.Collection<?> list) {
            return list.stream().map(Json::value).collect(Collectors.joining(", ", "[", "]"));
        }
        return string(String.valueOf(value));
    }

    static String reports(List<org.viflab.scenario.RunReport> reports, long passed, long failed) {
        StringBuilder out = new StringBuilder("{\"files\": [");
        for (int i = 0; i < reports.size(); i++) {
            org.viflab.scenario.RunReport r = reports.get(i);
            out.append(i == 0 ? "\n" : ",\n").append("  {\"file\": ").append(string(r.source()))
                    .append(", \"scenario\": ").append(string(r.scenario().title()))
                    .append(", \"passed\": ").append(r.passed()).append(", \"failed\": ").append(r.failed())
                    .append(", \"steps\": [");
            for (int j = 0; j < r.steps().size(); j++) {
                org.viflab.scenario.StepResult s = r.steps().get(j);
                out.append(j == 0 ? "" : ", ").append("{\"step\": ").append(s.step().index())
                        .append(", \"request\": ").append(string(s.step().action().describe()))
                        .append(", \"pass\": ").append(s.passed())
                        .append(", \"answer\": ").append(string(s.answer()))
                        .append(", \"failures\": ").append(value(s.failures())).append('}');
            }
            out.append("]}");
        }
        return out.append("\n], \"passed\": ").append(passed).append(", \"failed\": ").append(failed).append('}').toString();
    }
}
