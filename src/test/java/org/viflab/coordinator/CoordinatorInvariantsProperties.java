package org.viflab.coordinator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.viflab.coordinator.Fixture.ALICE;
import static org.viflab.coordinator.Fixture.BOB;
import static org.viflab.coordinator.Fixture.OPERATOR;
import static org.viflab.model.AttachmentId.attachmentId;
import static org.viflab.model.InstanceId.instanceId;
import static org.viflab.model.InterfaceId.interfaceId;
import static org.viflab.model.PlatformId.platformId;
import static org.viflab.model.SecurityGroupId.securityGroupId;
import static org.viflab.model.SubnetId.subnetId;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;
import org.viflab.coordinator.Request.AssignIps;
import org.viflab.coordinator.Request.AssociatePublicIp;
import org.viflab.coordinator.Request.Attach;
import org.viflab.coordinator.Request.CreateInterface;
import org.viflab.coordinator.Request.DeleteInterface;
import org.viflab.coordinator.Request.Detach;
import org.viflab.coordinator.Request.DisassociatePublicIp;
import org.viflab.coordinator.Request.GrantPermission;
import org.viflab.coordinator.Request.ModifyInterface;
import org.viflab.coordinator.Request.Move;
import org.viflab.coordinator.Request.Place;
import org.viflab.coordinator.Request.Start;
import org.viflab.coordinator.Request.Stop;
import org.viflab.coordinator.Request.Terminate;
import org.viflab.coordinator.Request.UnassignIps;
import org.viflab.model.Attachment;
import org.viflab.model.InstanceState;
import org.viflab.model.InterfaceRecord;
import org.viflab.model.Permission;
import org.viflab.model.PrincipalId;
import org.viflab.model.PublicAddress;
import org.viflab.model.ResourceInstance;
import org.viflab.model.Subnet;
import org.viflab.model.Topology;
import org.viflab.net.Ipv4Address;

/**
 * Random request sequences — valid and invalid, by several principals — against the standard lab:
 * the invariants of a lab hold after every request, and a rejected request changes nothing.
 */
public class CoordinatorInvariantsProperties {

    @Property(tries = 150)
    void invariantsHoldAndRejectionsChangeNothing(@ForAll("requests") @Size(max = 40) List<Submission> submissions) {
        Fixture lab = Fixture.standard();
        for (Submission submission : submissions) {
            Topology before = lab.topology();
            Outcome outcome = lab.coordinator.submit(submission);
            if (outcome instanceof Outcome.Rejected) {
                assertThat(lab.topology()).as(outcome.toString()).isEqualTo(before);
                assertThat(lab.repository.load()).isEqualTo(before);
            }
            assertInvariants(lab.topology());
        }
    }

    public static void assertInvariants(Topology t) {
        Map<String, String> addresses = new HashMap<>();
        Set<Ipv4Address> publics = new HashSet<>();
        for (InterfaceRecord r : t.interfaces().values()) {
            Subnet subnet = t.subnets().get(r.subnet());
            assertThat(subnet).as("subnet of " + r.id()).isNotNull();
            assertThat(r.partition()).isEqualTo(subnet.partition());
            for (Ipv4Address ip : r.privateIps()) {
                assertThat(subnet.cidr().contains(ip)).as(ip + " in " + subnet.id()).isTrue();
                assertThat(subnet.isReserved(ip)).as(ip + " reserved").isFalse();
                String previous = addresses.put(r.partition() + "/" + ip, r.id().value());
                assertThat(previous).as(ip + " twice in " + r.partition()).isNull();
            }
            for (PublicAddress pub : r.publicIps()) {
                assertThat(publics.add(pub.publicIp())).as(pub + " twice").isTrue();
                assertThat(r.privateIps()).contains(pub.privateIp());
            }
            assertThat(r.securityGroups().size()).isBetween(r.requesterManaged() ? 0 : 1, 5);
            List<Attachment> attachments = t.attachmentsOf(r.id());
            if (!r.multiAttach()) {
                assertThat(attachments).as("attachments of " + r.id()).hasSizeLessThanOrEqualTo(1);
            }
            for (Attachment a : attachments) {
                ResourceInstance instance = t.instances().get(a.instance());
                assertThat(instance).isNotNull();
                assertThat(instance.state()).isNotEqualTo(InstanceState.TERMINATED);
                assertThat(instance.zone()).isEqualTo(r.zone());
                assertThat(r.privateIps().size()).isLessThanOrEqualTo(instance.limits().maxIpsPerInterface());
            }
        }
        for (ResourceInstance instance : t.instances().values()) {
            List<Attachment> on = t.attachmentsOn(instance.id());
            assertThat(on.size()).isLessThanOrEqualTo(instance.limits().maxInterfaces());
            assertThat(on.stream().map(Attachment::deviceIndex).distinct().count()).isEqualTo(on.size());
            if (instance.state() == InstanceState.RUNNING) {
                assertThat(instance.platform()).isPresent();
            }
            if (instance.state() != InstanceState.TERMINATED) {
                assertThat(on).as(instance.id() + " keeps device 0").anyMatch(a -> a.deviceIndex() == 0);
            }
        }
        t.platforms().values().forEach(p -> assertThat(t.instancesOn(p.id()).size()).isLessThanOrEqualTo(p.capacity()));
    }

    @Provide
    Arbitrary<List<Submission>> requests() {
        return RandomRequests.submissions();
    }
}
