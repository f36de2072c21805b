package org.viflab.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.viflab.coordinator.Request;
import org.viflab.model.InstanceId;
import org.viflab.model.InterfaceId;

/** The session's contract with the views: every view hears every change, on the thread that made it. */
class LabSessionTest {

    private static Request attachWebToVm1() {
        return Request.Attach.attach(InterfaceId.interfaceId("vif-web"), InstanceId.instanceId("vm-1"));
    }

    @Test
    void everyViewHearsAChangeEvenWhenAnEarlierOneFails() {
        LabSession session = new LabSession();
        session.open(TestLabs.demo(), "demo");
        List<SessionEvent> heard = new ArrayList<>();
        session.addListener(event -> {
            if (event.type() == SessionEvent.Type.ACTION) {
                throw new IllegalStateException("the first view failed");
            }
        });
        session.addListener(heard::add);

        assertThatThrownBy(() -> session.submit(attachWebToVm1())).hasMessage("the first view failed");

        assertThat(heard).extracting(SessionEvent::type).containsExactly(SessionEvent.Type.ACTION);
        assertThat(session.topology()).isEqualTo(session.lab().orElseThrow().snapshot());
        assertThat(session.topology().attachmentsOf(InterfaceId.interfaceId("vif-web"))).hasSize(1);
        assertThat(session.canUndoProperty().get()).isTrue();
    }
}
