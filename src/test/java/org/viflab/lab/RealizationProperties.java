package org.viflab.lab;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;
import org.viflab.coordinator.Fixture;
import org.viflab.coordinator.RandomRequests;
import org.viflab.coordinator.Submission;
import org.viflab.fabric.Fabric;
import org.viflab.fabric.Propagation.Mode;
import org.viflab.store.H2Repository;

/**
 * The realized state follows the desired state: for random request sequences, once the queue is
 * drained the fabric is what the repository's snapshot compiles to, however the propagation was
 * chunked on the way.
 */
class RealizationProperties {

    /** A request, then how many queued operations to propagate after it (0: none yet). */
    record Move(Submission submission, int propagate) {
    }

    @Property(tries = 60)
    void drainedFabricEqualsTheCompiledSnapshot(@ForAll("moves") @Size(max = 30) List<Move> moves) {
        try (Lab stepwise = standardLab(); Lab instant = standardLab()) {
            stepwise.setMode(Mode.STEPWISE);
            for (Move move : moves) {
                stepwise.submit(move.submission());
                instant.submit(move.submission());
                if (move.propagate() > 0) {
                    stepwise.propagate(move.propagate());
                }
                assertThat(instant.realized()).as("instant propagation after " + move.submission().request().describe()).isTrue();
            }
            // The two labs may have answered differently (a detach while attaching is refused only
            // stepwise), so each is compared with what its own desired state compiles to.
            stepwise.drain();
            Fabric compiled = Fabric.compile(stepwise.snapshot());
            assertThat(stepwise.fabric().differences(compiled)).isEmpty();
            assertThat(stepwise.fabric()).isEqualTo(compiled);
        }
    }

    private static Lab standardLab() {
        Lab lab = Lab.open(H2Repository.inMemory());
        for (Submission s : Fixture.standardRequests()) {
            lab.submit(s);
        }
        return lab;
    }

    @Provide
    Arbitrary<List<Move>> moves() {
        return Combinators.combine(RandomRequests.submission(), Arbitraries.integers().between(0, 4)).as(Move::new).list();
    }
}
