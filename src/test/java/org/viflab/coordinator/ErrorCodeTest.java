package org.viflab.coordinator;

import static org.viflab.coordinator.ErrorCode.*;
import static org.viflab.coordinator.Fixture.ALICE;
import static org.viflab.coordinator.Fixture.BOB;
import static org.viflab.coordinator.Fixture.cidr;
import static org.viflab.coordinator.Fixture.ip;
import static org.viflab.coordinator.Fixture.spec;
import static org.viflab.model.AttachmentId.attachmentId;
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
import org.viflab.coordinator.Request.AssignIps;
import org.viflab.coordinator.Request.AssociatePublicIp;
import org.viflab.coordinator.Request.Attach;
import org.viflab.coordinator.Request.CreateInterface;
import org.viflab.coordinator.Request.CreatePartition;
import org.viflab.coordinator.Request.CreateSecurityGroup;
import org.viflab.coordinator.Request.CreateSubnet;
import org.viflab.coordinator.Request.DeleteInterface;
import org.viflab.coordinator.Request.DeleteSecurityGroup;
import org.viflab.coordinator.Request.DeleteSubnet;
import org.viflab.coordinator.Request.Describe;
import org.viflab.coordinator.Request.Detach;
import org.viflab.coordinator.Request.Kind;
import org.viflab.coordinator.Request.Launch;
import org.viflab.coordinator.Request.ModifyInterface;
import org.viflab.coordinator.Request.Move;
import org.viflab.coordinator.Request.Terminate;
import org.viflab.model.AttachmentId;
import org.viflab.model.InstanceState;
import org.viflab.model.InterfaceId;
import org.viflab.model.SecurityGroupId;

/** One test per row of the error-code table: the code, and nothing changed (checked by {@link Fixture#rejected}). */
class ErrorCodeTest {

    private final Fixture lab = Fixture.standard();

    @Test
    void attachRejectsUnknownInterface() {
        lab.rejected(ALICE, Attach.attach(interfaceId("vif-nope"), instanceId("vm-1")), INVALID_NETWORK_INTERFACE_ID_NOT_FOUND);
    }

    @Test
    void attachRejectsUnknownInstance() {
        lab.rejected(ALICE, Attach.attach(interfaceId("vif-web"), instanceId("vm-nope")), INVALID_INSTANCE_ID_NOT_FOUND);
    }

    @Test
    void createInterfaceRejectsUnknownSubnet() {
        lab.rejected(ALICE, new CreateInterface(spec("vif-x", "nope")), INVALID_SUBNET_ID_NOT_FOUND);
    }

    @Test
    void createInterfaceRejectsUnknownGroup() {
        lab.rejected(ALICE, new CreateInterface(spec("vif-x", "web").withSecurityGroups(List.of(securityGroupId("sg-nope")))),
                INVALID_GROUP_NOT_FOUND);
    }

    @Test
    void createSubnetRejectsUnknownPartition() {
        lab.rejected(new CreateSubnet(Optional.empty(), partitionId("vpc-nope"), cidr("10.9.0.0/24"), "zone-1", List.of()),
                INVALID_VPC_ID_NOT_FOUND);
    }

    @Test
    void launchRejectsUnknownPlatform() {
        lab.rejected(ALICE, Fixture.launch("vm-9", ALICE, "t3.micro", "host-nope", InstanceState.RUNNING, spec("vm-9-eth0", "web")),
                INVALID_PLATFORM_ID_NOT_FOUND);
    }

    @Test
    void detachRejectsUnknownAttachment() {
        lab.rejected(ALICE, Detach.attachment(attachmentId("attach-nope")), INVALID_ATTACHMENT_ID_NOT_FOUND);
    }

    @Test
    void createInterfaceRejectsAddressOutsideSubnet() {
        lab.rejected(ALICE, new CreateInterface(spec("vif-x", "web").withPrivateIps(List.of(ip("10.0.2.20")))),
                INVALID_PARAMETER_VALUE);
    }

    @Test
    void createInterfaceRejectsReservedAddresses() {
        for (String reserved : List.of("10.0.1.0", "10.0.1.1", "10.0.1.2", "10.0.1.3", "10.0.1.255")) {
            lab.rejected(ALICE, new CreateInterface(spec("vif-x", "web").withPrivateIps(List.of(ip(reserved)))),
                    INVALID_PARAMETER_VALUE);
        }
    }

    @Test
    void describeRejectsUnknownFilter() {
        lab.rejected(new Describe(Kind.INTERFACES, List.of(), Map.of("colour", List.of("red"))), INVALID_PARAMETER_VALUE);
    }

    @Test
    void createInterfaceRejectsAddressInUseInPartition() {
        lab.rejected(ALICE, new CreateInterface(spec("vif-x", "web").withPrivateIps(List.of(ip("10.0.1.10")))),
                INVALID_IP_ADDRESS_IN_USE);
    }

    @Test
    void sameAddressInAnotherPartitionIsFine() {
        lab.ok(BOB, new CreateInterface(spec("vif-b2", "b-web").withPrivateIps(List.of(ip("10.1.1.10")))));
        lab.ok(ALICE, new CreateSubnet(Optional.of(subnetId("web2")), partitionId("vpc-a"), cidr("10.0.9.0/24"), "zone-1", List.of()));
    }

    @Test
    void createSubnetRejectsRangeOutsidePartition() {
        lab.rejected(ALICE, new CreateSubnet(Optional.empty(), partitionId("vpc-a"), cidr("10.5.0.0/24"), "zone-1", List.of()),
                INVALID_SUBNET_RANGE);
    }

    @Test
    void createSubnetRejectsOverlapWithSibling() {
        lab.rejected(ALICE, new CreateSubnet(Optional.empty(), partitionId("vpc-a"), cidr("10.0.1.128/25"), "zone-1", List.of()),
                INVALID_SUBNET_CONFLICT);
    }

    @Test
    void attachRejectsInterfaceAlreadyInUse() {
        lab.ok(ALICE, Attach.attach(interfaceId("vif-web"), instanceId("vm-1"), 1));
        lab.rejected(ALICE, Attach.attach(interfaceId("vif-web"), instanceId("vm-3"), 1), INVALID_NETWORK_INTERFACE_IN_USE);
    }

    @Test
    void attachRejectsTakenDeviceIndex() {
        lab.rejected(ALICE, Attach.attach(interfaceId("vif-web"), instanceId("vm-1"), 0), INVALID_PARAMETER_VALUE);
    }

    @Test
    void attachRejectsInstanceInAnotherZone() {
        lab.ok(ALICE, new CreateInterface(spec("vif-far", "far")));
        lab.rejected(ALICE, Attach.attach(interfaceId("vif-far"), instanceId("vm-1"), 1), INVALID_PARAMETER_COMBINATION);
    }

    @Test
    void attachRejectsMoreInterfacesThanTheTypeAllows() {
        lab.ok(ALICE, new CreateInterface(spec("vif-2", "web")));
        lab.ok(ALICE, Attach.attach(interfaceId("vif-2"), instanceId("vm-2"), 1));
        Outcome.Rejected r = lab.rejected(ALICE, Attach.attach(interfaceId("vif-web"), instanceId("vm-2")), ATTACHMENT_LIMIT_EXCEEDED);
        org.assertj.core.api.Assertions.assertThat(r.message()).contains("t3.micro allows 2");
    }

    @Test
    void assignRejectsMoreAddressesThanTheTypeAllows() {
        lab.ok(ALICE, new AssignIps(interfaceId("vm-2-eth0"), List.of(), 1, false));
        lab.rejected(ALICE, new AssignIps(interfaceId("vm-2-eth0"), List.of(), 1, false), PRIVATE_IP_ADDRESS_LIMIT_EXCEEDED);
    }

    @Test
    void attachRejectsRecordWithMoreAddressesThanTheTypeAllows() {
        lab.ok(ALICE, new CreateInterface(spec("vif-3", "web")
                .withPrivateIps(List.of(ip("10.0.1.50"), ip("10.0.1.51"), ip("10.0.1.52")))));
        lab.rejected(ALICE, Attach.attach(interfaceId("vif-3"), instanceId("vm-2"), 1), PRIVATE_IP_ADDRESS_LIMIT_EXCEEDED);
    }

    @Test
    void detachRejectsPrimaryInterface() {
        lab.rejected(ALICE, Detach.interfaceOf(interfaceId("vm-1-eth0")), OPERATION_NOT_PERMITTED);
    }

    @Test
    void requesterManagedRecordCannotBeTouchedByUsers() {
        lab.ok(new CreateInterface(spec("vif-nat", "web").withOwner(ALICE).withFlags(true, false, true)
                .withSecurityGroups(List.of())));
        lab.rejected(ALICE, Attach.attach(interfaceId("vif-nat"), instanceId("vm-1"), 1), OPERATION_NOT_PERMITTED);
        lab.rejected(ALICE, new ModifyInterface(interfaceId("vif-nat"), Optional.of("mine"), Optional.empty(),
                Optional.empty(), Optional.empty()), OPERATION_NOT_PERMITTED);
        lab.rejected(ALICE, new DeleteInterface(interfaceId("vif-nat")), OPERATION_NOT_PERMITTED);
    }

    @Test
    void deleteRejectsAttachedInterface() {
        lab.ok(ALICE, Attach.attach(interfaceId("vif-web"), instanceId("vm-1"), 1));
        Outcome.Rejected r = lab.rejected(ALICE, new DeleteInterface(interfaceId("vif-web")), INVALID_PARAMETER_VALUE);
        org.assertj.core.api.Assertions.assertThat(r.message()).contains("currently in use");
    }

    @Test
    void deleteRejectsGroupOrSubnetStillInUse() {
        lab.rejected(ALICE, new DeleteSecurityGroup(securityGroupId("sg-web")), DEPENDENCY_VIOLATION);
        lab.rejected(ALICE, new DeleteSubnet(subnetId("web")), DEPENDENCY_VIOLATION);
    }

    @Test
    void groupFromAnotherPartitionIsRejected() {
        lab.rejected(ALICE, new ModifyInterface(interfaceId("vif-web"), Optional.empty(),
                Optional.of(List.of(securityGroupId("vpc-b-default"))), Optional.empty(), Optional.empty()), INVALID_PARAMETER);
    }

    @Test
    void principalsWithoutTheRightAreUnauthorized() {
        // not the owner
        lab.rejected(BOB, new DeleteInterface(interfaceId("vif-web")), UNAUTHORIZED_OPERATION);
        // not in the attachers (and not the instance's owner)
        lab.rejected(BOB, Attach.attach(interfaceId("vif-web"), instanceId("vm-b"), 1), UNAUTHORIZED_OPERATION);
        // not in the IP setters
        lab.rejected(BOB, new AssignIps(interfaceId("vif-web"), List.of(), 1, false), UNAUTHORIZED_OPERATION);
        // an attacher, but not the instance's owner
        lab.ok(ALICE, new Request.GrantPermission(interfaceId("vif-web"), BOB, org.viflab.model.Permission.ATTACH));
        lab.rejected(BOB, Attach.attach(interfaceId("vif-web"), instanceId("vm-1"), 1), UNAUTHORIZED_OPERATION);
        // an unknown acting principal
        lab.rejected(org.viflab.model.PrincipalId.principalId("mallory"), new DeleteInterface(interfaceId("vif-web")),
                UNAUTHORIZED_OPERATION);
    }

    @Test
    void terminatedOrPendingInstancesRefuseWhatTheirStateForbids() {
        lab.ok(ALICE, new Terminate(instanceId("vm-2")));
        lab.rejected(ALICE, Attach.attach(interfaceId("vif-web"), instanceId("vm-2"), 1), INCORRECT_INSTANCE_STATE);
        lab.rejected(ALICE, new Move(instanceId("vm-3"), Optional.of(platformId("host-b"))), INCORRECT_INSTANCE_STATE);
    }

    @Test
    void launchRejectsWhenNoPlatformHasCapacity() {
        // host-a and host-b hold 4 each; vm-1, vm-2 and vm-b use 3 of the 8 places
        for (int i = 0; i < 5; i++) {
            lab.ok(ALICE, Fixture.launch("vm-fill-" + i, ALICE, "t3.micro", null, InstanceState.RUNNING, spec("fill-" + i, "web")));
        }
        lab.rejected(ALICE, Fixture.launch("vm-full", ALICE, "t3.micro", null, InstanceState.RUNNING, spec("full-0", "web")),
                INSUFFICIENT_INSTANCE_CAPACITY);
    }

    @Test
    void createInterfaceRejectsWhenSubnetIsFull() {
        lab.ok(ALICE, new CreateSubnet(Optional.of(subnetId("tiny")), partitionId("vpc-a"), cidr("10.0.8.0/28"), "zone-1", List.of()));
        for (int i = 0; i < 11; i++) {
            lab.ok(ALICE, new CreateInterface(spec("tiny-" + i, "tiny")));
        }
        lab.rejected(ALICE, new CreateInterface(spec("tiny-11", "tiny")), INSUFFICIENT_FREE_ADDRESSES_IN_SUBNET);
    }

    @Test
    void moreThanFiveGroupsIsRejected() {
        List<SecurityGroupId> groups = new java.util.ArrayList<>();
        for (int i = 0; i < 6; i++) {
            SecurityGroupId id = securityGroupId("sg-" + i);
            lab.ok(ALICE, new CreateSecurityGroup(Optional.of(id), partitionId("vpc-a"), "", List.of(), Optional.empty()));
            groups.add(id);
        }
        lab.rejected(ALICE, new CreateInterface(spec("vif-x", "web").withSecurityGroups(groups)),
                SECURITY_GROUPS_PER_INTERFACE_LIMIT_EXCEEDED);
    }

    @Test
    void partitionCidrOutsideSixteenToTwentyEightIsRejected() {
        lab.rejected(new CreatePartition(Optional.empty(), Optional.empty(), cidr("10.0.0.0/8"), false, Optional.empty(),
                Optional.empty()), INVALID_VPC_RANGE);
        lab.rejected(new CreatePartition(Optional.empty(), Optional.empty(), cidr("10.0.0.0/29"), false, Optional.empty(),
                Optional.empty()), INVALID_VPC_RANGE);
    }

    @Test
    void publicAddressHeldByAnotherRecordIsRejected() {
        lab.rejected(ALICE, new AssociatePublicIp(interfaceId("vm-1-eth0"), ip("203.0.113.10"), Optional.empty(), false),
                RESOURCE_ALREADY_ASSOCIATED);
    }

    @Test
    void detachWhileAttachingNeedsForce() {
        AttachmentId[] inFlight = new AttachmentId[1];
        lab.coordinator.propagation(new PropagationView() {
            @Override
            public boolean attaching(AttachmentId attachment) {
                return attachment.equals(inFlight[0]);
            }

            @Override
            public boolean detaching(InterfaceId iface) {
                return false;
            }
        });
        Outcome.Accepted attach = lab.ok(ALICE, Attach.attach(interfaceId("vif-web"), instanceId("vm-1"), 1));
        inFlight[0] = attachmentId(attach.createdId().orElseThrow());
        lab.rejected(ALICE, Detach.interfaceOf(interfaceId("vif-web")), INCORRECT_STATE);
        Outcome.Accepted forced = lab.ok(ALICE, Detach.interfaceOf(interfaceId("vif-web")).forced());
        org.assertj.core.api.Assertions.assertThat(forced.cancelled()).containsExactly(inFlight[0]);
        org.assertj.core.api.Assertions.assertThat(forced.immediate()).isTrue();
    }

    @Test
    void clientTokenReusedForAnotherRequestIsAMismatch() {
        lab.coordinator.submit(Submission.as(ALICE, new CreateInterface(spec("vif-t", "web"))).withToken("t-1"));
        Submission other = Submission.as(ALICE, new CreateInterface(spec("vif-u", "web"))).withToken("t-1");
        org.viflab.model.Topology before = lab.topology();
        Outcome outcome = lab.coordinator.submit(other);
        org.assertj.core.api.Assertions.assertThat(((Outcome.Rejected) outcome).code()).isEqualTo(IDEMPOTENT_PARAMETER_MISMATCH);
        org.assertj.core.api.Assertions.assertThat(lab.topology()).isEqualTo(before);
    }

    @Test
    void dryRunAnswersDryRunOperationAndChangesNothing() {
        org.viflab.model.Topology before = lab.topology();
        Outcome outcome = lab.coordinator.submit(Submission.as(ALICE, Attach.attach(interfaceId("vif-web"), instanceId("vm-1"))).asDryRun());
        org.assertj.core.api.Assertions.assertThat(((Outcome.Rejected) outcome).code()).isEqualTo(DRY_RUN_OPERATION);
        org.assertj.core.api.Assertions.assertThat(lab.topology()).isEqualTo(before);
        Outcome failing = lab.coordinator.submit(Submission.as(BOB, Attach.attach(interfaceId("vif-web"), instanceId("vm-1"))).asDryRun());
        org.assertj.core.api.Assertions.assertThat(((Outcome.Rejected) failing).code()).isEqualTo(UNAUTHORIZED_OPERATION);
    }

    @Test
    void launchOfUnknownTypeWarnsAndUsesSimLargeLimits() {
        Outcome.Accepted launched = lab.ok(ALICE, Fixture.launch("vm-new", ALICE, "x9.mega", "host-a", InstanceState.RUNNING,
                spec("vm-new-eth0", "web")));
        org.assertj.core.api.Assertions.assertThat(launched.warnings()).singleElement().asString().contains("x9.mega");
        org.assertj.core.api.Assertions.assertThat(lab.topology().instances().get(instanceId("vm-new")).limits().maxInterfaces())
                .isEqualTo(8);
    }

    @Test
    void launchRejectsTerminatedState() {
        lab.rejected(ALICE, new Launch(Optional.empty(), Optional.empty(), "t3.micro", "zone-1", Optional.empty(),
                InstanceState.TERMINATED, List.of(spec("x", "web")), Map.of()), INVALID_PARAMETER_VALUE);
    }

    @Test
    void reassignmentAndReassociationCannotTakeFromARecordTheSenderHasNoRightOn() {
        lab.ok(ALICE, new AssignIps(interfaceId("vif-web"), List.of(ip("10.0.1.50")), 0, false));
        lab.ok(ALICE, new Request.GrantPermission(interfaceId("vm-2-eth0"), BOB, org.viflab.model.Permission.SET_IP));
        // bob may set vm-2-eth0's addresses, but not vif-web's: he cannot pull 10.0.1.50 over
        lab.rejected(BOB, new AssignIps(interfaceId("vm-2-eth0"), List.of(ip("10.0.1.50")), 0, true), UNAUTHORIZED_OPERATION);
        lab.ok(BOB, new CreateInterface(spec("vif-bob", "b-web")));
        lab.rejected(BOB, new AssociatePublicIp(interfaceId("vif-bob"), ip("203.0.113.10"), Optional.empty(), true),
                UNAUTHORIZED_OPERATION);
    }
}
