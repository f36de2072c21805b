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
}
