package org.viflab.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.viflab.model.InterfaceId.interfaceId;
import static org.viflab.reliability.HostileRequests.ALICE;
import static org.viflab.reliability.HostileRequests.BOB;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.viflab.coordinator.Coordinator;
import org.viflab.coordinator.ErrorCode;
import org.viflab.coordinator.Outcome;
import org.viflab.coordinator.Request;
import org.viflab.coordinator.Request.AssignIps;
import org.viflab.coordinator.Request.AssociatePublicIp;
import org.viflab.coordinator.Request.CreateInterface;
import org.viflab.coordinator.Request.GrantPermission;
import org.viflab.coordinator.Request.InterfaceSpec;
import org.viflab.coordinator.Submission;
import org.viflab.model.Permission;
import org.viflab.model.PrincipalId;
import org.viflab.model.SubnetId;
import org.viflab.model.Topology;
import org.viflab.net.Ipv4Address;
import org.viflab.store.H2Repository;

/**
 * Address moves that {@link BadRequestProperties} caught taking an address away from a record the
 * sender had no right on: with reassociation or reassignment, a principal that may set the
 * addresses of its own record must also be allowed on the record that loses the address.
 */
class AddressMoveRightsTest {

    @Test
    void bobCannotTakeAlicesPublicAddressByReassociation() {
        try (H2Repository repository = H2Repository.inMemory()) {
            Coordinator lab = BadRequestProperties.standardLab(repository);
            accepted(lab, BOB, new CreateInterface(InterfaceSpec.inSubnet(SubnetId.subnetId("b-web"))
                    .withId(interfaceId("vif-bob"))));
            Topology before = lab.snapshot();

            Outcome outcome = lab.submit(Submission.as(BOB, new AssociatePublicIp(interfaceId("vif-bob"),
                    Ipv4Address.parse("203.0.113.10"), Optional.empty(), true)));

            assertThat(outcome).isInstanceOf(Outcome.Rejected.class);
            assertThat(((Outcome.Rejected) outcome).code()).isEqualTo(ErrorCode.UNAUTHORIZED_OPERATION);
            assertThat(lab.snapshot()).isEqualTo(before);
        }
    }

    @Test
    void bobCannotTakeAlicesPrivateAddressByReassignment() {
        try (H2Repository repository = H2Repository.inMemory()) {
            Coordinator lab = BadRequestProperties.standardLab(repository);
            Ipv4Address secondary = Ipv4Address.parse("10.0.1.50");
            accepted(lab, ALICE, new AssignIps(interfaceId("vif-web"), List.of(secondary), 0, false));
            accepted(lab, ALICE, new GrantPermission(interfaceId("vm-2-eth0"), BOB, Permission.SET_IP));
            Topology before = lab.snapshot();

            Outcome outcome = lab.submit(Submission.as(BOB, new AssignIps(interfaceId("vm-2-eth0"),
                    List.of(secondary), 0, true)));

            assertThat(outcome).isInstanceOf(Outcome.Rejected.class);
            assertThat(((Outcome.Rejected) outcome).code()).isEqualTo(ErrorCode.UNAUTHORIZED_OPERATION);
            assertThat(lab.snapshot()).isEqualTo(before);
        }
    }

    private static void accepted(Coordinator lab, PrincipalId as, Request request) {
        Outcome outcome = lab.submit(Submission.as(as, request));
        assertThat(outcome.isAccepted()).as("%s: %s", request.describe(), outcome).isTrue();
    }
}
