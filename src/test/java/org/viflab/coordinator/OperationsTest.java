package org.viflab.coordinator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.viflab.coordinator.Fixture.ALICE;
import static org.viflab.coordinator.Fixture.BOB;
import static org.viflab.coordinator.Fixture.cidr;
import static org.viflab.coordinator.Fixture.ip;
import static org.viflab.coordinator.Fixture.spec;
import static org.viflab.model.InstanceId.instanceId;
import static org.viflab.model.InterfaceId.interfaceId;
import static org.viflab.model.PartitionId.partitionId;
import static org.viflab.model.PlatformId.platformId;
import static org.viflab.model.SecurityGroupId.securityGroupId;
import static org.viflab.model.SubnetId.subnetId;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.viflab.coordinator.Outcome.Accepted;
import org.viflab.coordinator.Request.AssignIps;
import org.viflab.coordinator.Request.AssociatePublicIp;
import org.viflab.coordinator.Request.Attach;
import org.viflab.coordinator.Request.Authorize;
import org.viflab.coordinator.Request.CreateInterface;
import org.viflab.coordinator.Request.DeleteInterface;
import org.viflab.coordinator.Request.DeletePartition;
import org.viflab.coordinator.Request.DeleteSecurityGroup;
import org.viflab.coordinator.Request.DeleteSubnet;
import org.viflab.coordinator.Request.Describe;
import org.viflab.coordinator.Request.Detach;
import org.viflab.coordinator.Request.Direction;
import org.viflab.coordinator.Request.DisassociatePublicIp;
import org.viflab.coordinator.Request.GrantPermission;
import org.viflab.coordinator.Request.Kind;
import org.viflab.coordinator.Request.ModifyAttachment;
import org.viflab.coordinator.Request.ModifyInterface;
import org.viflab.coordinator.Request.Move;
import org.viflab.coordinator.Request.Place;
import org.viflab.coordinator.Request.Revoke;
import org.viflab.coordinator.Request.RevokePermission;
import org.viflab.coordinator.Request.SetNic;
import org.viflab.coordinator.Request.SetRoute;
import org.viflab.coordinator.Request.Start;
import org.viflab.coordinator.Request.Stop;
import org.viflab.coordinator.Request.Terminate;
import org.viflab.coordinator.Request.UnassignIps;
import org.viflab.model.ConfigOperation;
import org.viflab.model.InstanceState;
import org.viflab.model.NicId;
import org.viflab.model.Permission;
import org.viflab.model.RouteTarget;
import org.viflab.model.Rule;
import org.viflab.model.RulePeer;
import org.viflab.model.Topology;
import org.viflab.net.PortSet;
import org.viflab.net.Protocol;

/** Happy paths of every operation: the state afterwards and the configuration operations initiated. */
class OperationsTest {

    private final Fixture lab = Fixture.standard();

    private static List<String> ops(Accepted accepted) {
        return accepted.operations().stream().map(ConfigOperation::text).toList();
    }

    @Test
    void attachToRunningInstanceMapsPlugsAndLoadsGroups() {
        Accepted attach = lab.ok(ALICE, Attach.attach(interfaceId("vif-web"), instanceId("vm-2"), 1));
        assertThat(ops(attach)).containsExactly(
                "mapping@vpc-a map 10.0.1.10 vif-web vm-2",
                "hypervisor@host-b plug vif-web vm-2 nic-b1 02:00:00:00:0b:01",
                "hypervisor@host-b load-groups vif-web [sg-web]");
        Map<String, Object> fields = lab.fieldsOf("vif-web");
        assertThat(fields).containsEntry("status", "in-use").containsEntry("attachedInstances", List.of("vm-2"))
                .containsEntry("macAddresses", List.of("02:00:00:00:0b:01"));
        assertThat(attach.inverse()).singleElement().isInstanceOf(Detach.class);
    }

    @Test
    void detachUnloadsUnplugsAndKeepsTheAddressWithTheRecord() {
        lab.ok(ALICE, Attach.attach(interfaceId("vif-web"), instanceId("vm-2"), 1));
        Accepted detach = lab.ok(ALICE, Detach.interfaceOf(interfaceId("vif-web")));
        assertThat(ops(detach)).containsExactly(
                "hypervisor@host-b unload-groups vif-web [sg-web]",
                "hypervisor@host-b unplug vif-web vm-2 nic-b1 02:00:00:00:0b:01",
                "mapping@vpc-a map 10.0.1.10 vif-web -");
        assertThat(lab.fieldsOf("vif-web")).containsEntry("status", "available")
                .containsEntry("privateIps", List.of("10.0.1.10")).containsEntry("publicIps", List.of("203.0.113.10"))
                .containsEntry("macAddresses", List.of());
    }

    @Test
    void coldAttachBeforePlacementStartsOnlyTheMappingAndPlugsOnStart() {
        Accepted attach = lab.ok(ALICE, Attach.attach(interfaceId("vif-web"), instanceId("vm-3"), 1));
        assertThat(ops(attach)).containsExactly("mapping@vpc-a map 10.0.1.10 vif-web vm-3");
        assertThat(lab.fieldsOf("vif-web")).containsEntry("status", "in-use").containsEntry("macAddresses", List.of());
        Accepted place = lab.ok(ALICE, new Place(instanceId("vm-3"), Optional.of(platformId("host-a"))));
        assertThat(ops(place)).isEmpty();
        Accepted start = lab.ok(ALICE, new Start(instanceId("vm-3")));
        assertThat(ops(start)).containsExactly(
                "hypervisor@host-a run vm-3",
                "hypervisor@host-a plug vm-3-eth0 vm-3 nic-a1 02:00:00:00:0a:01",
                "hypervisor@host-a load-groups vm-3-eth0 [vpc-a-default]",
                "hypervisor@host-a plug vif-web vm-3 nic-a1 02:00:00:00:0a:01",
                "hypervisor@host-a load-groups vif-web [sg-web]");
    }

    @Test
    void startOfUnplacedInstanceLetsTheSchedulerPlaceIt() {
        lab.ok(ALICE, new Start(instanceId("vm-3")));
        // host-a holds one instance, host-b two: the least loaded wins
        assertThat(lab.topology().instances().get(instanceId("vm-3")).platform()).contains(platformId("host-a"));
    }

    @Test
    void stopUnplugsAndStartPlugsAgain() {
        Accepted stop = lab.ok(ALICE, new Stop(instanceId("vm-1")));
        assertThat(ops(stop)).containsExactly(
                "hypervisor@host-a unload-groups vm-1-eth0 [sg-web]",
                "hypervisor@host-a unplug vm-1-eth0 vm-1 nic-a1 02:00:00:00:0a:01",
                "hypervisor@host-a halt vm-1");
        assertThat(lab.topology().instances().get(instanceId("vm-1")).state()).isEqualTo(InstanceState.STOPPED);
        Accepted start = lab.ok(ALICE, new Start(instanceId("vm-1")));
        assertThat(ops(start)).hasSize(3).first().isEqualTo("hypervisor@host-a run vm-1");
    }

    @Test
    void moveChangesTheMacsAndKeepsTheMapping() {
        lab.ok(ALICE, Attach.attach(interfaceId("vif-web"), instanceId("vm-1"), 1));
        assertThat(lab.fieldsOf("vif-web")).containsEntry("macAddresses", List.of("02:00:00:00:0a:01"));
        Accepted move = lab.ok(ALICE, new Move(instanceId("vm-1"), Optional.of(platformId("host-b"))));
        assertThat(ops(move)).containsExactly(
                "hypervisor@host-a unload-groups vm-1-eth0 [sg-web]",
                "hypervisor@host-a unplug vm-1-eth0 vm-1 nic-a1 02:00:00:00:0a:01",
                "hypervisor@host-a unload-groups vif-web [sg-web]",
                "hypervisor@host-a unplug vif-web vm-1 nic-a1 02:00:00:00:0a:01",
                "hypervisor@host-a halt vm-1",
                "hypervisor@host-b run vm-1",
                "hypervisor@host-b plug vm-1-eth0 vm-1 nic-b1 02:00:00:00:0b:01",
                "hypervisor@host-b load-groups vm-1-eth0 [sg-web]",
                "hypervisor@host-b plug vif-web vm-1 nic-b1 02:00:00:00:0b:01",
                "hypervisor@host-b load-groups vif-web [sg-web]");
        assertThat(lab.fieldsOf("vif-web")).containsEntry("macAddresses", List.of("02:00:00:00:0b:01"));
        assertThat(move.inverse()).containsExactly(new Move(instanceId("vm-1"), Optional.of(platformId("host-a"))));
    }

    @Test
    void terminateDetachesAllAndDeletesThoseMarkedDeleteOnTermination() {
        lab.ok(ALICE, Attach.attach(interfaceId("vif-web"), instanceId("vm-1"), 1));
        Accepted terminate = lab.ok(ALICE, new Terminate(instanceId("vm-1")));
        Topology t = lab.topology();
        assertThat(t.instances().get(instanceId("vm-1")).state()).isEqualTo(InstanceState.TERMINATED);
        assertThat(t.interfaces()).doesNotContainKey(interfaceId("vm-1-eth0")).containsKey(interfaceId("vif-web"));
        assertThat(t.addressOwner(partitionId("vpc-a"), ip("10.0.1.11"))).isEmpty();
        assertThat(ops(terminate)).contains("mapping@vpc-a unmap 10.0.1.11 vm-1-eth0", "mapping@vpc-a map 10.0.1.10 vif-web -",
                "hypervisor@host-a halt vm-1");
        assertThat(lab.fieldsOf("vif-web")).containsEntry("status", "available");
    }

    @Test
    void theIdOfATerminatedInstanceMayBeLaunchedAgainButNotThatOfALiveOne() {
        lab.rejected(ALICE, Fixture.launch("vm-1", ALICE, "t3.medium", "host-a", InstanceState.RUNNING,
                Fixture.spec("vm-1-new", "web")), ErrorCode.INVALID_PARAMETER_VALUE);
        lab.ok(ALICE, new Terminate(instanceId("vm-1")));
        lab.ok(ALICE, Fixture.launch("vm-1", ALICE, "t3.micro", "host-a", InstanceState.RUNNING,
                Fixture.spec("vm-1-new", "web")));
        Topology t = lab.topology();
        assertThat(t.instances().get(instanceId("vm-1")).state()).isEqualTo(InstanceState.RUNNING);
        assertThat(t.instances().get(instanceId("vm-1")).type()).isEqualTo("t3.micro");
        assertThat(t.attachmentAt(instanceId("vm-1"), 0).orElseThrow().iface()).isEqualTo(interfaceId("vm-1-new"));
    }

    @Test
    void createAndDeleteInterfaceMapAndUnmapTheirAddresses() {
        Accepted create = lab.ok(ALICE, new CreateInterface(spec("vif-n", "web").withPublicIps(List.of(ip("203.0.113.20")))));
        // the next free address after .0-.3 reserved, .10, .11 and those of vm-2, vm-3
        String address = lab.topology().interfaces().get(interfaceId("vif-n")).primaryIp().toString();
        assertThat(ops(create)).containsExactly("mapping@vpc-a map " + address + " vif-n -",
                "nat@vpc-a nat 203.0.113.20 " + address);
        Accepted delete = lab.ok(ALICE, new DeleteInterface(interfaceId("vif-n")));
        assertThat(ops(delete)).containsExactly("nat@vpc-a unnat 203.0.113.20 " + address,
                "mapping@vpc-a unmap " + address + " vif-n");
        assertThat(delete.inverse()).singleElement().isInstanceOf(CreateInterface.class);
    }

    @Test
    void generatedIdsAreSequentialPerLab() {
        Accepted a = lab.ok(ALICE, new CreateInterface(Request.InterfaceSpec.inSubnet(subnetId("web"))));
        Accepted b = lab.ok(ALICE, new CreateInterface(Request.InterfaceSpec.inSubnet(subnetId("web"))));
        assertThat(a.createdId().orElseThrow()).matches("vif-[0-9a-f]{8}");
        long first = Long.parseLong(a.createdId().get().substring(4), 16);
        long second = Long.parseLong(b.createdId().get().substring(4), 16);
        assertThat(second).isEqualTo(first + 1);
    }

    @Test
    void availableAddressesCountSizeLessReservedLessUsed() {
        // web /24: 256 - 5 reserved - vm-1, vm-2, vm-3 and vif-web
        assertThat(lab.topology().availableAddresses(subnetId("web"))).isEqualTo(256 - 5 - 4);
        lab.ok(ALICE, new AssignIps(interfaceId("vif-web"), List.of(), 3, false));
        assertThat(lab.topology().availableAddresses(subnetId("web"))).isEqualTo(256 - 5 - 7);
    }

    @Test
    void assignAndUnassignAddressesOnAnAttachedRecord() {
        lab.ok(ALICE, Attach.attach(interfaceId("vif-web"), instanceId("vm-1"), 1));
        Accepted assign = lab.ok(ALICE, new AssignIps(interfaceId("vif-web"), List.of(ip("10.0.1.40")), 0, false));
        assertThat(ops(assign)).containsExactly("mapping@vpc-a map 10.0.1.40 vif-web vm-1");
        Accepted again = lab.ok(ALICE, new AssignIps(interfaceId("vif-web"), List.of(ip("10.0.1.40")), 0, false));
        assertThat(again.operations()).isEmpty();
        Accepted unassign = lab.ok(ALICE, new UnassignIps(interfaceId("vif-web"), List.of(ip("10.0.1.40"))));
        assertThat(ops(unassign)).containsExactly("mapping@vpc-a unmap 10.0.1.40 vif-web");
    }

    @Test
    void reassignmentMovesASecondaryAddressWithinTheSubnet() {
        lab.ok(ALICE, new AssignIps(interfaceId("vm-2-eth0"), List.of(ip("10.0.1.60")), 0, false));
        lab.rejected(ALICE, new AssignIps(interfaceId("vif-web"), List.of(ip("10.0.1.60")), 0, false),
                ErrorCode.INVALID_IP_ADDRESS_IN_USE);
        lab.ok(ALICE, new AssignIps(interfaceId("vif-web"), List.of(ip("10.0.1.60")), 0, true));
        Topology t = lab.topology();
        assertThat(t.addressOwner(partitionId("vpc-a"), ip("10.0.1.60"))).contains(interfaceId("vif-web"));
        assertThat(t.interfaces().get(interfaceId("vm-2-eth0")).privateIps()).doesNotContain(ip("10.0.1.60"));
    }

    @Test
    void publicAddressesAssociateReassociateAndDisassociate() {
        Accepted assoc = lab.ok(ALICE, new AssociatePublicIp(interfaceId("vm-1-eth0"), ip("203.0.113.50"), Optional.empty(), false));
        assertThat(ops(assoc)).containsExactly("nat@vpc-a nat 203.0.113.50 10.0.1.11");
        Accepted same = lab.ok(ALICE, new AssociatePublicIp(interfaceId("vm-1-eth0"), ip("203.0.113.50"), Optional.empty(), false));
        assertThat(same.operations()).isEmpty();
        Accepted moved = lab.ok(ALICE, new AssociatePublicIp(interfaceId("vif-web"), ip("203.0.113.50"), Optional.empty(), true));
        assertThat(ops(moved)).containsExactly("nat@vpc-a unnat 203.0.113.50 10.0.1.11", "nat@vpc-a nat 203.0.113.50 10.0.1.10");
        assertThat(lab.topology().publicAddressOwner(ip("203.0.113.50"))).contains(interfaceId("vif-web"));
        Accepted gone = lab.ok(ALICE, new DisassociatePublicIp(interfaceId("vif-web"), ip("203.0.113.50")));
        assertThat(ops(gone)).containsExactly("nat@vpc-a unnat 203.0.113.50 10.0.1.10");
    }

    @Test
    void modifyReplacesGroupsAndReloadsThemWhereTheRecordIsPlugged() {
        lab.ok(ALICE, Attach.attach(interfaceId("vif-web"), instanceId("vm-1"), 1));
        Accepted modify = lab.ok(ALICE, new ModifyInterface(interfaceId("vif-web"), Optional.of("new text"),
                Optional.of(List.of(securityGroupId("vpc-a-default"))), Optional.of(false), Optional.empty()));
        assertThat(ops(modify)).containsExactly("hypervisor@host-a load-groups vif-web [vpc-a-default]",
                "hypervisor@host-a source-dest-check vif-web off");
        assertThat(lab.fieldsOf("vif-web")).containsEntry("description", "new text")
                .containsEntry("securityGroups", List.of("vpc-a-default")).containsEntry("sourceDestCheck", false);
        lab.rejected(ALICE, new ModifyInterface(interfaceId("vif-web"), Optional.empty(), Optional.of(List.of()),
                Optional.empty(), Optional.empty()), ErrorCode.INVALID_PARAMETER_VALUE);
        lab.ok(ALICE, modify.inverse().get(0));
        assertThat(lab.fieldsOf("vif-web")).containsEntry("description", "web address").containsEntry("sourceDestCheck", true);
    }

    @Test
    void modifyAttachmentChangesDeleteOnTermination() {
        Accepted attach = lab.ok(ALICE, Attach.attach(interfaceId("vif-web"), instanceId("vm-1"), 1));
        var id = org.viflab.model.AttachmentId.attachmentId(attach.createdId().orElseThrow());
        lab.ok(ALICE, new ModifyAttachment(id, true));
        assertThat(lab.topology().attachments().get(id).deleteOnTermination()).isTrue();
        lab.ok(ALICE, new Terminate(instanceId("vm-1")));
        assertThat(lab.topology().interfaces()).doesNotContainKey(interfaceId("vif-web"));
    }

    @Test
    void grantedPrincipalMayAttachToItsOwnInstance() {
        // figure 8d: bob's record in bob's partition, attached by alice to alice's instance
        lab.ok(BOB, new CreateInterface(spec("vif-vendor", "b-web")));
        lab.rejected(ALICE, Attach.attach(interfaceId("vif-vendor"), instanceId("vm-1"), 1), ErrorCode.UNAUTHORIZED_OPERATION);
        lab.ok(BOB, new GrantPermission(interfaceId("vif-vendor"), Fixture.ALICE, Permission.ATTACH));
        lab.ok(ALICE, Attach.attach(interfaceId("vif-vendor"), instanceId("vm-1"), 1));
        lab.ok(BOB, new GrantPermission(interfaceId("vif-vendor"), Fixture.ALICE, Permission.SET_IP));
        lab.ok(ALICE, new AssignIps(interfaceId("vif-vendor"), List.of(), 1, false));
        lab.ok(BOB, new RevokePermission(interfaceId("vif-vendor"), Fixture.ALICE, Permission.SET_IP));
        lab.rejected(ALICE, new AssignIps(interfaceId("vif-vendor"), List.of(), 1, false), ErrorCode.UNAUTHORIZED_OPERATION);
    }

    @Test
    void multiAttachRecordIsMappedToAllItsInstances() {
        lab.ok(ALICE, new ModifyInterface(interfaceId("vif-web"), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.of(true)));
        lab.ok(ALICE, Attach.attach(interfaceId("vif-web"), instanceId("vm-1"), 1));
        Accepted second = lab.ok(ALICE, Attach.attach(interfaceId("vif-web"), instanceId("vm-2"), 1));
        assertThat(ops(second)).first().isEqualTo("mapping@vpc-a map 10.0.1.10 vif-web vm-1,vm-2");
        assertThat(lab.fieldsOf("vif-web")).containsEntry("attachedInstances", List.of("vm-1", "vm-2"))
                .containsEntry("macAddresses", List.of("02:00:00:00:0a:01", "02:00:00:00:0b:01"));
        lab.rejected(ALICE, Attach.attach(interfaceId("vif-web"), instanceId("vm-1"), 2), ErrorCode.INVALID_NETWORK_INTERFACE_IN_USE);
    }

    @Test
    void routesGroupsRulesAndNicsProduceTheirOperations() {
        Accepted route = lab.ok(ALICE, new SetRoute(subnetId("web"), cidr("0.0.0.0/0"), Optional.of(RouteTarget.INTERNET)));
        assertThat(ops(route)).containsExactly("router@web route 0.0.0.0/0 internet");
        Accepted unroute = lab.ok(ALICE, new SetRoute(subnetId("web"), cidr("0.0.0.0/0"), Optional.empty()));
        assertThat(ops(unroute)).containsExactly("router@web unroute 0.0.0.0/0");
        Rule ssh = new Rule(Protocol.TCP, PortSet.parse("22"), RulePeer.of(cidr("192.0.2.0/24")));
        Accepted authorize = lab.ok(ALICE, new Authorize(securityGroupId("sg-web"), Direction.INGRESS, ssh));
        assertThat(ops(authorize)).singleElement().asString().startsWith("groups@vpc-a define sg-web");
        lab.ok(ALICE, new Revoke(securityGroupId("sg-web"), Direction.INGRESS, ssh));
        assertThat(lab.topology().securityGroups().get(securityGroupId("sg-web")).ingress()).hasSize(1);
        Accepted nic = lab.ok(new SetNic(NicId.nicId("nic-a1"), false));
        assertThat(ops(nic)).containsExactly("hypervisor@host-a nic-down nic-a1");
    }

    @Test
    void emptyPartitionSubnetAndGroupCanBeDeleted() {
        lab.ok(ALICE, new Request.CreateSecurityGroup(Optional.of(securityGroupId("sg-tmp")), partitionId("vpc-a"), "",
                List.of(), Optional.empty()));
        lab.ok(ALICE, new DeleteSecurityGroup(securityGroupId("sg-tmp")));
        lab.ok(ALICE, new Terminate(instanceId("vm-1")));
        lab.ok(ALICE, new Terminate(instanceId("vm-2")));
        lab.ok(ALICE, new Terminate(instanceId("vm-3")));
        lab.ok(ALICE, new DeleteInterface(interfaceId("vif-web")));
        lab.ok(ALICE, new DeleteSecurityGroup(securityGroupId("sg-web")));
        lab.ok(ALICE, new DeleteSubnet(subnetId("web")));
        lab.rejected(ALICE, new DeletePartition(partitionId("vpc-a")), ErrorCode.DEPENDENCY_VIOLATION);
        lab.ok(ALICE, new DeleteSubnet(subnetId("db")));
        lab.ok(ALICE, new DeleteSubnet(subnetId("far")));
        Accepted delete = lab.ok(ALICE, new DeletePartition(partitionId("vpc-a")));
        assertThat(ops(delete)).containsExactly("groups@vpc-a undefine vpc-a-default", "partition@vpc-a delete 10.0.0.0/16");
        assertThat(lab.topology().securityGroups()).doesNotContainKey(securityGroupId("vpc-a-default"));
    }

    @Test
    void describeFiltersAreAndedAcrossAndOredWithin() {
        lab.ok(ALICE, Attach.attach(interfaceId("vif-web"), instanceId("vm-2"), 1));
        Accepted both = lab.ok(new Describe(Kind.INTERFACES, List.of(),
                Map.of("group-id", List.of("sg-web"), "status", List.of("in-use"))));
        assertThat(both.answer().orElseThrow().ids()).containsExactlyInAnyOrder("vif-web", "vm-1-eth0");
        Accepted either = lab.ok(new Describe(Kind.INTERFACES, List.of(),
                Map.of("attachment.instance-id", List.of("vm-2", "vm-b"))));
        assertThat(either.answer().orElseThrow().ids()).containsExactlyInAnyOrder("vif-web", "vm-2-eth0", "vm-b-eth0");
        Accepted twice = lab.ok(new Describe(Kind.INTERFACES, List.of(),
                Map.of("subnet-id", List.of("web", "web", "subnet-zzz"), "group-id", List.of("sg-web"))));
        assertThat(twice.answer().orElseThrow().ids()).as("each record once, whatever the filter repeats")
                .containsExactlyInAnyOrder("vif-web", "vm-1-eth0");
        Accepted named = lab.ok(new Describe(Kind.INTERFACES, List.of("vif-web", "vif-web"), Map.of()));
        assertThat(named.answer().orElseThrow().ids()).containsExactly("vif-web");
        Accepted none = lab.ok(new Describe(Kind.INTERFACES, List.of(), Map.of("vpc-id", List.of("vpc-zzz"))));
        assertThat(none.answer().orElseThrow().rows()).isEmpty();
        lab.rejected(new Describe(Kind.INTERFACES, List.of("vif-zzz"), Map.of()),
                ErrorCode.INVALID_NETWORK_INTERFACE_ID_NOT_FOUND);
        Accepted byMac = lab.ok(new Describe(Kind.INTERFACES, List.of(), Map.of("mac-address", List.of("02:00:00:00:0b:01"),
                "tag-key", List.of())));
        assertThat(byMac.answer().orElseThrow().rows()).isEmpty();
        Accepted instances = lab.ok(new Describe(Kind.INSTANCES, List.of(), Map.of("instance-state-name", List.of("pending"))));
        assertThat(instances.answer().orElseThrow().ids()).containsExactly("vm-3");
        Accepted attachments = lab.ok(new Describe(Kind.ATTACHMENTS, List.of(), Map.of("instance-id", List.of("vm-2"))));
        assertThat(attachments.answer().orElseThrow().rows()).hasSize(2);
    }

    @Test
    void clientTokenReplayReturnsTheFirstResultAndChangesNothing() {
        Submission create = Submission.as(ALICE, new CreateInterface(Request.InterfaceSpec.inSubnet(subnetId("web"))))
                .withToken("token-1");
        Accepted first = (Accepted) lab.coordinator.submit(create);
        Topology after = lab.topology();
        Accepted replay = (Accepted) lab.coordinator.submit(create);
        assertThat(replay.replayed()).isTrue();
        assertThat(replay.createdId()).isEqualTo(first.createdId());
        assertThat(replay.operations()).isEqualTo(first.operations());
        assertThat(lab.topology()).isEqualTo(after);
    }

    @Test
    void journalRecordsEveryAcceptedRequest() {
        int before = lab.repository.journal().size();
        lab.ok(ALICE, Attach.attach(interfaceId("vif-web"), instanceId("vm-2"), 1));
        lab.rejected(BOB, new DeleteInterface(interfaceId("vif-web")), ErrorCode.UNAUTHORIZED_OPERATION);
        List<JournalEntry> journal = lab.repository.journal();
        assertThat(journal).hasSize(before + 1);
        JournalEntry last = journal.get(journal.size() - 1);
        assertThat(last.principal()).isEqualTo(ALICE);
        assertThat(last.request()).isEqualTo("attach vif-web to vm-2 at device 1");
        assertThat(last.result()).startsWith("created attach-").endsWith("; 3 configuration operation(s)");
        assertThat(last.version()).isEqualTo(lab.topology().version());
    }

    @Test
    void everyAcceptedRequestIsUndoneByItsInverse() {
        Topology start = lab.topology();
        Accepted attach = lab.ok(ALICE, Attach.attach(interfaceId("vif-web"), instanceId("vm-2"), 1));
        for (Request inverse : attach.inverse()) {
            lab.ok(ALICE, inverse);
        }
        Topology undone = lab.topology();
        assertThat(undone.attachments()).isEqualTo(start.attachments());
        assertThat(undone.interfaces()).isEqualTo(start.interfaces());
    }
}
