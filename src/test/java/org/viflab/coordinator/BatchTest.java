package org.viflab.coordinator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.viflab.coordinator.Fixture.ALICE;
import static org.viflab.coordinator.Fixture.spec;
import static org.viflab.model.InstanceId.instanceId;
import static org.viflab.model.InterfaceId.interfaceId;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.viflab.coordinator.Request.Attach;
import org.viflab.coordinator.Request.CreateInterface;
import org.viflab.model.Topology;

/** A batch is one transaction: every request applied, or none. */
class BatchTest {

    @Test
    void aBatchAppliesEveryRequestWithAVersionAndJournalEntryEach() {
        Fixture lab = new Fixture();
        List<Outcome> outcomes = lab.coordinator.submitBatch(Fixture.standardRequests());
        assertThat(outcomes).hasSize(Fixture.standardRequests().size()).allMatch(Outcome::isAccepted);
        assertThat(lab.topology().version()).isEqualTo(outcomes.size());
        assertThat(lab.repository.journal()).hasSize(outcomes.size());
        assertThat(lab.repository.load()).isEqualTo(lab.topology());
        Fixture oneByOne = Fixture.standard();
        assertThat(lab.topology().interfaces()).isEqualTo(oneByOne.topology().interfaces());
    }

    @Test
    void aRejectedRequestLeavesTheWholeBatchUnapplied() {
        Fixture lab = Fixture.standard();
        Topology before = lab.topology();
        List<Outcome> outcomes = lab.coordinator.submitBatch(List.of(
                Submission.as(ALICE, new CreateInterface(spec("vif-new", "web"))),
                Submission.as(ALICE, Attach.attach(interfaceId("vif-new"), instanceId("vm-1"), 1)),
                Submission.as(ALICE, Attach.attach(interfaceId("vif-web"), instanceId("vm-1"), 1)),
                Submission.as(ALICE, new CreateInterface(spec("vif-never", "web")))));
        assertThat(outcomes).hasSize(3);
        assertThat(outcomes.get(2)).isInstanceOf(Outcome.Rejected.class);
        assertThat(((Outcome.Rejected) outcomes.get(2)).code()).isEqualTo(ErrorCode.INVALID_PARAMETER_VALUE);
        assertThat(lab.topology()).isEqualTo(before);
        assertThat(lab.repository.load()).isEqualTo(before);
    }
}
