package org.viflab.reliability;

import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitrary;
import org.viflab.coordinator.Fixture;
import org.viflab.coordinator.Outcome;
import org.viflab.coordinator.RandomRequests;
import org.viflab.coordinator.Submission;
import org.viflab.lab.Lab;
import org.viflab.scenario.JournalCodec;
import org.viflab.store.H2Repository;

/**
 * The program a crash test kills: opens a file lab, builds the standard topology if the lab is
 * empty, then sends random requests forever, printing {@code ACK <version>} once each accepted
 * request has been acknowledged by the coordinator (that is, committed).
 */
public final class CrashChild {

    private CrashChild() {
    }

    public static void main(String[] args) {
        Path file = Path.of(args[0]);
        long seed = Long.parseLong(args[1]);
        Lab lab = Lab.open(H2Repository.open(file), JournalCodec.INSTANCE);
        if (lab.snapshot().version() == 0) {
            for (Submission s : Fixture.standardRequests()) {
                acknowledge(lab, s);
            }
        }
        Arbitrary<Submission> requests = RandomRequests.submission();
        Random random = new Random(seed);
        List<Submission> pool = requests.sampleStream().limit(500).toList();
        while (true) {
            acknowledge(lab, pool.get(random.nextInt(pool.size())));
        }
    }

    private static void acknowledge(Lab lab, Submission submission) {
        Outcome outcome = lab.submit(submission).outcome().orElseThrow();
        if (outcome instanceof Outcome.Accepted accepted && !accepted.replayed()) {
            System.out.println("ACK " + accepted.version());
            System.out.flush();
        }
    }
}
