package org.viflab.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The bench table's shape (every figure, units, no NaN), on tiny labs: not the speed. */
class BenchTableTest {

    @Test
    void everyFigureIsMeasuredWithAUnitAndAFiniteValue() {
        List<Figure> figures = Benchmarks.run(Benchmarks.Settings.tiny());
        assertThat(figures).extracting(Figure::name).anyMatch(n -> n.startsWith("attach+detach pairs/s (file database)"))
                .anyMatch(n -> n.startsWith("attach+detach pairs/s (in-memory database)"))
                .anyMatch(n -> n.startsWith("describe with 3 filters"))
                .anyMatch(n -> n.startsWith("single-flow trace, median"))
                .anyMatch(n -> n.startsWith("single-flow trace, p99"))
                .anyMatch(n -> n.contains("10 affected"))
                .anyMatch(n -> n.contains("all affected"))
                .anyMatch(n -> n.startsWith("load a scenario"))
                .anyMatch(n -> n.startsWith("write that lab back"))
                .anyMatch(n -> n.startsWith("heap used"));
        for (Figure f : figures) {
            assertThat(f.unit()).as(f.name()).isNotBlank();
            assertThat(f.value()).as(f.name()).isFinite().isGreaterThanOrEqualTo(0);
            f.baseline().ifPresent(b -> assertThat(b).as(f.name() + " baseline").isFinite().isPositive());
            assertThat(f.meaning()).as(f.name()).isNotBlank();
        }
        assertThat(figures.get(0).baseline()).isPresent();
        assertThat(figures.get(0).ratio()).isPresent();
    }
}
