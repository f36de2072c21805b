package org.viflab.coordinator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.viflab.coordinator.Fixture.ALICE;
import static org.viflab.model.InstanceId.instanceId;
import static org.viflab.model.InterfaceId.interfaceId;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.viflab.coordinator.Request.Attach;
import org.viflab.model.Topology;
import org.viflab.store.H2Repository;

/** The same coordinator on a file database: what was committed is there after reopening. */
class FileLabTest {

    @TempDir
    Path dir;

    @Test
    void labWrittenToAFileAndReopenedGivesAnIdenticalSnapshot() {
        Path file = dir.resolve("lab");
        Topology written;
        try (H2Repository repository = H2Repository.open(file)) {
            Fixture lab = new Fixture(() -> repository);
            lab.buildStandard();
            lab.ok(ALICE, Attach.attach(interfaceId("vif-web"), instanceId("vm-1"), 1));
            lab.rejected(Fixture.BOB, new Request.DeleteInterface(interfaceId("vif-web")), ErrorCode.UNAUTHORIZED_OPERATION);
            written = lab.topology();
        }
        try (H2Repository reopened = H2Repository.open(file)) {
            Coordinator coordinator = new Coordinator(reopened);
            assertThat(coordinator.snapshot()).isEqualTo(written);
            assertThat(reopened.journal()).hasSize((int) written.version());
            assertThat(coordinator.fields().of(coordinator.snapshot().interfaces().get(interfaceId("vif-web"))))
                    .containsEntry("status", "in-use");
        }
    }

    @Test
    void aSecondCoordinatorOnTheSameLabSeesTheFirstOnesChanges() {
        try (H2Repository repository = H2Repository.open(dir.resolve("shared"))) {
            Fixture first = new Fixture(() -> repository);
            first.buildStandard();
            Coordinator second = new Coordinator(repository);
            first.ok(ALICE, Attach.attach(interfaceId("vif-web"), instanceId("vm-1"), 1));
            // the second coordinator's snapshot is stale; it reloads before validating
            Outcome outcome = second.submit(Submission.as(ALICE, Attach.attach(interfaceId("vif-web"), instanceId("vm-2"), 1)));
            assertThat(((Outcome.Rejected) outcome).code()).isEqualTo(ErrorCode.INVALID_NETWORK_INTERFACE_IN_USE);
            assertThat(second.snapshot()).isEqualTo(first.topology());
        }
    }
}
