package org.viflab.ui;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.viflab.coordinator.Request;
import org.viflab.fabric.Propagation.Mode;
import org.viflab.model.InstanceId;
import org.viflab.model.InterfaceId;
import org.viflab.ui.log.LogEntry;
import org.viflab.ui.log.OpRow;

/** The log's model: requests with principal, answer and operations, queued ones ticked as they apply. */
class LogViewModelTest {

    @Test
    void logsRequestsWithTheirPrincipalAnswerAndOperations() {
        RecordingNotifier notifier = new RecordingNotifier();
        MainViewModel main = TestLabs.demoViewModel(notifier);
        main.session().principalProperty().set(DemoLab.BOB);
        main.session().submit(Request.Attach.attach(InterfaceId.interfaceId("vif-web"), InstanceId.instanceId("vm-1")));
        main.session().principalProperty().set(DemoLab.ALICE);
        main.session().submit(Request.Attach.attach(InterfaceId.interfaceId("vif-web"), InstanceId.instanceId("vm-1")));

        assertThat(main.log().entries()).hasSize(2);
        LogEntry refused = main.log().entries().get(0);
        assertThat(refused.principal()).isEqualTo("bob");
        assertThat(refused.accepted()).isFalse();
        assertThat(refused.result()).isEqualTo("UnauthorizedOperation");
        assertThat(refused.operations()).isEmpty();
        assertThat(notifier.rejections).singleElement().asString().startsWith("UnauthorizedOperation");
        LogEntry done = main.log().entries().get(1);
        assertThat(done.principal()).isEqualTo("alice");
        assertThat(done.result()).isEqualTo("ok");
        assertThat(done.operations()).extracting(o -> o.op().summary())
                .containsExactly("mapping@vpc-a map", "hypervisor@host-a plug", "hypervisor@host-a load-groups");
        assertThat(done.operations()).allMatch(OpRow::applied);
    }

    @Test
    void queuedOperationsAreGreyUntilStepApplies() {
        MainViewModel main = TestLabs.demoViewModel(new RecordingNotifier());
        main.setMode(Mode.STEPWISE);
        main.session().submit(Request.Attach.attach(InterfaceId.interfaceId("vif-web"), InstanceId.instanceId("vm-1")));
        LogEntry attach = main.log().entries().get(main.log().entries().size() - 1);
        assertThat(attach.operations()).hasSize(3).noneMatch(OpRow::applied);
        assertThat(main.canStep().get()).isTrue();
        assertThat(main.session().pendingCountProperty().get()).isEqualTo(3);

        main.step();
        assertThat(attach.operations()).extracting(OpRow::applied).containsExactly(true, false, false);
        assertThat(main.session().watched().get("web").disposition().name()).isEqualTo("NOT_PLUGGED");
        main.step();
        main.step();
        assertThat(attach.operations()).allMatch(OpRow::applied);
        assertThat(main.canStep().get()).isFalse();
        assertThat(main.session().watched().get("web").disposition().name()).isEqualTo("DELIVERED");
    }
}
