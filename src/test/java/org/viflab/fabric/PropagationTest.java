package org.viflab.fabric;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.viflab.model.AttachmentId.attachmentId;
import static org.viflab.model.InstanceId.instanceId;
import static org.viflab.model.InterfaceId.interfaceId;
import static org.viflab.model.PartitionId.partitionId;
import static org.viflab.model.PlatformId.platformId;
import static org.viflab.model.SecurityGroupId.securityGroupId;
import static org.viflab.net.Ipv4Address.ipv4;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.viflab.model.AttachmentId;
import org.viflab.model.ConfigOperation;
import org.viflab.model.ConfigOperation.GroupsLoadOp;
import org.viflab.model.ConfigOperation.MappingOp;
import org.viflab.model.InterfaceId;

class PropagationTest {

    private static final AttachmentId ATTACH_7 = attachmentId("attach-7");
    private static final AttachmentId ATTACH_8 = attachmentId("attach-8");
    private static final InterfaceId VIF_DB = interfaceId("vif-db");

    private Fabric fabric;
    private TestTopology topology;

    @BeforeEach
    void setUp() {
        topology = FabricTest.sample();
        fabric = topology.compile();
    }

    /** The operations attaching vif-db to vm-1 (device 2) on host-a. */
    private static List<ConfigOperation> attachVifDb() {
        return List.of(
                new MappingOp(partitionId("vpc-a"), true, ipv4("10.0.2.10"), VIF_DB, List.of(instanceId("vm-1"))),
                FabricTest.plug(true, "host-a", "vif-db", "vm-1", 2, "nic-a1", "02:00:00:00:0a:01", "db"),
                new GroupsLoadOp(platformId("host-a"), true, VIF_DB, List.of(securityGroupId("sg-db"))));
    }

    private static List<ConfigOperation> detachVifWeb() {
        return List.of(
                new GroupsLoadOp(platformId("host-b"), false, interfaceId("vif-web"), List.of()),
                FabricTest.plug(false, "host-b", "vif-web", "vm-2", 1, "nic-b1", "02:00:00:00:0b:01", "web"));
    }

    @Test
    void instantModeAppliesASubmissionAtOnce() {
        Propagation propagation = new Propagation(fabric, Propagation.Mode.INSTANT);
        List<ConfigOperation> applied = propagation.submit(attachVifDb(), Set.of(ATTACH_7), Set.of());
        assertThat(applied).isEqualTo(attachVifDb());
        assertThat(propagation.pending()).isEmpty();
        assertThat(propagation.attaching(ATTACH_7)).isFalse();
        topology.attach("vif-db", "vm-1", 2);
        assertThat(fabric).isEqualTo(topology.compile());
    }

    @Test
    void stepwiseModeQueuesAndPropagatesInOrder() {
        Propagation propagation = new Propagation(fabric, Propagation.Mode.STEPWISE);
        Fabric before = fabric.copy();
        assertThat(propagation.submit(attachVifDb(), Set.of(ATTACH_7), Set.of())).isEmpty();
        assertThat(fabric).isEqualTo(before);
        assertThat(propagation.pending()).extracting(Propagation.Pending::op).isEqualTo(attachVifDb());
        assertThat(propagation.pending()).allSatisfy(p -> assertThat(p.attaching()).containsExactly(ATTACH_7));

        assertThat(propagation.propagate(1)).containsExactly(attachVifDb().get(0));
        assertThat(fabric.partition(partitionId("vpc-a")).mappingAt(ipv4("10.0.2.10")).instances())
                .containsExactly(instanceId("vm-1"));
        assertThat(fabric.hypervisor(platformId("host-a")).plug(VIF_DB, instanceId("vm-1"))).isNull();
        assertThat(propagation.attaching(ATTACH_7)).isTrue();
        assertThat(propagation.pendingCount()).isEqualTo(2);

        assertThat(propagation.propagate(5)).isEqualTo(attachVifDb().subList(1, 3));
        assertThat(propagation.attaching(ATTACH_7)).isFalse();
        topology.attach("vif-db", "vm-1", 2);
        assertThat(fabric).isEqualTo(topology.compile());
        assertThat(propagation.propagate(3)).isEmpty();
    }

    @Test
    void detachingHoldsWhileAnOperationOfTheDetachIsQueued() {
        Propagation propagation = new Propagation(fabric, Propagation.Mode.STEPWISE);
        propagation.submit(detachVifWeb(), Set.of(), Set.of(interfaceId("vif-web")));
        assertThat(propagation.detaching(interfaceId("vif-web"))).isTrue();
        assertThat(propagation.detaching(VIF_DB)).isFalse();
        propagation.propagate(1);
        assertThat(propagation.detaching(interfaceId("vif-web"))).isTrue();
        propagation.drain();
        assertThat(propagation.detaching(interfaceId("vif-web"))).isFalse();
    }

    @Test
    void droppingAnAttachRemovesOnlyItsQueuedOperations() {
        Propagation propagation = new Propagation(fabric, Propagation.Mode.STEPWISE);
        propagation.submit(attachVifDb(), Set.of(ATTACH_7), Set.of());
        propagation.submit(detachVifWeb(), Set.of(), Set.of(interfaceId("vif-web")));
        propagation.propagate(1);
        List<ConfigOperation> dropped = propagation.dropAttaching(ATTACH_7);
        assertThat(dropped).isEqualTo(attachVifDb().subList(1, 3));
        assertThat(propagation.attaching(ATTACH_7)).isFalse();
        assertThat(propagation.pending()).extracting(Propagation.Pending::op).isEqualTo(detachVifWeb());
        assertThat(propagation.detaching(interfaceId("vif-web"))).isTrue();
        assertThat(propagation.dropAttaching(ATTACH_8)).isEmpty();
    }

    @Test
    void submitImmediatelyAppliesAheadOfTheQueue() {
        Propagation propagation = new Propagation(fabric, Propagation.Mode.STEPWISE);
        propagation.submit(attachVifDb(), Set.of(ATTACH_7), Set.of());
        propagation.submitImmediately(detachVifWeb());
        assertThat(fabric.hypervisor(platformId("host-b")).plug(interfaceId("vif-web"), instanceId("vm-2"))).isNull();
        assertThat(propagation.pendingCount()).isEqualTo(3);
    }

    @Test
    void listenersHearEachOperationAndEachBatch() {
        Propagation propagation = new Propagation(fabric, Propagation.Mode.STEPWISE);
        List<ConfigOperation> each = new ArrayList<>();
        List<List<ConfigOperation>> batches = new ArrayList<>();
        propagation.addListener(new Propagation.Listener() {
            @Override
            public void applied(ConfigOperation op) {
                each.add(op);
            }

            @Override
            public void batchApplied(List<ConfigOperation> ops) {
                batches.add(ops);
            }
        });
        propagation.submit(attachVifDb(), Set.of(ATTACH_7), Set.of());
        assertThat(each).isEmpty();
        propagation.propagate(2);
        propagation.propagate(0);
        propagation.drain();
        assertThat(each).isEqualTo(attachVifDb());
        assertThat(batches).containsExactly(attachVifDb().subList(0, 2), attachVifDb().subList(2, 3));
    }

    @Test
    void switchingToInstantDrainsTheQueue() {
        Propagation propagation = new Propagation(fabric, Propagation.Mode.STEPWISE);
        propagation.submit(attachVifDb(), Set.of(ATTACH_7), Set.of());
        assertThat(propagation.setMode(Propagation.Mode.INSTANT)).isEqualTo(attachVifDb());
        assertThat(propagation.pending()).isEmpty();
        assertThat(propagation.mode()).isEqualTo(Propagation.Mode.INSTANT);
    }

    @Test
    void propagatingANegativeNumberIsAProgrammingError() {
        Propagation propagation = new Propagation(fabric, Propagation.Mode.STEPWISE);
        assertThatThrownBy(() -> propagation.propagate(-1)).isInstanceOf(IllegalArgumentException.class);
    }
}
