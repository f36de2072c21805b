package org.viflab.lab;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.viflab.model.Attachment;
import org.viflab.model.AttachmentId;
import org.viflab.model.InstanceId;
import org.viflab.model.InstanceState;
import org.viflab.model.InterfaceId;
import org.viflab.model.InterfaceRecord;
import org.viflab.model.NicId;
import org.viflab.model.Partition;
import org.viflab.model.PartitionId;
import org.viflab.model.PhysicalNic;
import org.viflab.model.PlatformId;
import org.viflab.model.PrincipalId;
import org.viflab.model.PublicAddress;
import org.viflab.model.ResourceInstance;
import org.viflab.model.Route;
import org.viflab.model.RouteTarget;
import org.viflab.model.Rule;
import org.viflab.model.RulePeer;
import org.viflab.model.SecurityGroup;
import org.viflab.model.SecurityGroupId;
import org.viflab.model.ServicePlatform;
import org.viflab.model.Subnet;
import org.viflab.model.SubnetId;
import org.viflab.model.Topology;
import org.viflab.net.Ipv4Address;
import org.viflab.net.Ipv4Prefix;
import org.viflab.net.MacAddress;
import org.viflab.net.PortSet;
import org.viflab.net.Protocol;

/**
 * Generates a large, valid lab for benchmarks and load tests: one partition owned by {@code alice}
 * with /22 subnets in two zones, three groups, hosts of 16 instances with two NICs each, running
 * instances with a device-0 interface each, and the remaining interfaces split between second
 * interfaces of instances and free records. Every tenth record has a public address.
 *
 * <p>The same sizes always give the same lab.
 */
public final class LabGenerator {

    public static final PrincipalId OWNER = PrincipalId.principalId("alice");
    public static final PartitionId PARTITION = PartitionId.partitionId("vpc-big");
    private static final int PER_SUBNET = 1000;
    private static final int PER_PLATFORM = 16;

    /** A generated lab and the ids of everything in it (what a repository writes to store it). */
    public record Generated(Topology topology, Set<Object> ids, List<InterfaceId> freeInterfaces,
                            List<InstanceId> instances) {
    }

    private LabGenerator() {
    }

    /**
     * @param instances  running instances (each with a device-0 interface)
     * @param interfaces interface records in all, at least {@code instances}
     */
    public static Generated generate(int instances, int interfaces) {
        if (instances < 1 || interfaces < instances) {
            throw new IllegalArgumentException("need at least one instance and as many interfaces as instances");
        }
        if (interfaces > 60 * PER_SUBNET) {
            throw new IllegalArgumentException("at most " + 60 * PER_SUBNET + " interfaces fit in one /16 partition");
        }
        Topology.Builder b = Topology.empty().toBuilder();
        b.putPrincipal(OWNER);
        Partition partition = new Partition(PARTITION, OWNER, Ipv4Prefix.parse("10.0.0.0/16"), true, Optional.empty(),
                Partition.defaultGroupOf(PARTITION));
        b.putPartition(partition);
        b.putSecurityGroup(new SecurityGroup(partition.defaultGroup(), PARTITION, "default",
                List.of(new Rule(Protocol.ALL, null, RulePeer.of(partition.defaultGroup()))), SecurityGroup.allowAllEgress()));
        SecurityGroupId web = SecurityGroupId.securityGroupId("sg-web");
        SecurityGroupId db = SecurityGroupId.securityGroupId("sg-db");
        SecurityGroupId mgmt = SecurityGroupId.securityGroupId("sg-mgmt");
        b.putSecurityGroup(new SecurityGroup(web, PARTITION, "web", List.of(
                new Rule(Protocol.TCP, PortSet.parse("80,443"), RulePeer.of(Ipv4Prefix.ANY))), SecurityGroup.allowAllEgress()));
        b.putSecurityGroup(new SecurityGroup(db, PARTITION, "db", List.of(
                new Rule(Protocol.TCP, PortSet.parse("5432"), RulePeer.of(web))), SecurityGroup.allowAllEgress()));
        b.putSecurityGroup(new SecurityGroup(mgmt, PARTITION, "management", List.of(
                new Rule(Protocol.TCP, PortSet.parse("22"), RulePeer.of(Ipv4Prefix.parse("10.0.0.0/16")))),
                SecurityGroup.allowAllEgress()));
        List<SecurityGroupId> groups = List.of(web, db, mgmt);

        int subnetCount = (interfaces + PER_SUBNET - 1) / PER_SUBNET;
        subnetCount = Math.max(2, subnetCount + (subnetCount % 2)) + 2;
        List<Subnet> subnets = new ArrayList<>();
        for (int s = 0; s < subnetCount; s++) {
            Ipv4Prefix cidr = new Ipv4Prefix(Ipv4Address.parse("10.0.0.0").plus((long) s * 1024), 22);
            Subnet subnet = new Subnet(SubnetId.subnetId(String.format("subnet-%02d", s)), PARTITION, cidr,
                    zone(s), List.of(new Route(Ipv4Prefix.ANY, RouteTarget.INTERNET)));
            b.putSubnet(subnet);
            subnets.add(subnet);
        }
        int[] used = new int[subnetCount];

        int platformsPerZone = (instances / 2 + PER_PLATFORM) / PER_PLATFORM + 1;
        List<List<ServicePlatform>> platformsByZone = List.of(new ArrayList<>(), new ArrayList<>());
        long mac = 0x0200_0000_0000L;
        for (int z = 0; z < 2; z++) {
            for (int p = 0; p < platformsPerZone; p++) {
                String id = String.format("host-%d-%03d", z + 1, p);
                ServicePlatform platform = new ServicePlatform(PlatformId.platformId(id), zone(z), PER_PLATFORM, List.of(
                        new PhysicalNic(NicId.nicId(id + "-nic1"), new MacAddress(++mac), true),
                        new PhysicalNic(NicId.nicId(id + "-nic2"), new MacAddress(++mac), true)));
                b.putPlatform(platform);
                platformsByZone.get(z).add(platform);
            }
        }

        List<InstanceId> instanceIds = new ArrayList<>();
        int record = 0;
        int[] placedPerZone = new int[2];
        for (int i = 0; i < instances; i++) {
            int z = i % 2;
            ServicePlatform platform = platformsByZone.get(z).get(placedPerZone[z]++ / PER_PLATFORM);
            InstanceId id = InstanceId.instanceId(String.format("vm-%05d", i));
            b.putInstance(new ResourceInstance(id, OWNER, "m5.4xlarge", zone(z), Optional.of(platform.id()),
                    InstanceState.RUNNING, Map.of("tier", i % 3 == 0 ? "web" : "app")));
            instanceIds.add(id);
            InterfaceRecord eth0 = record(b, subnets, used, z, record++, groups);
            b.putAttachment(new Attachment(AttachmentId.attachmentId(String.format("attach-%05d", i)), eth0.id(), id,
                    OWNER, 0, true));
        }
        List<InterfaceId> free = new ArrayList<>();
        int extra = interfaces - instances;
        int secondaries = extra / 2;
        for (int e = 0; e < extra; e++) {
            if (e < secondaries) {
                InstanceId instance = instanceIds.get(e % instances);
                int z = (e % instances) % 2;
                int device = 1 + e / instances;
                if (device >= 8) {
                    InterfaceRecord loose = record(b, subnets, used, e % 2, record++, groups);
                    free.add(loose.id());
                    continue;
                }
                InterfaceRecord r = record(b, subnets, used, z, record++, groups);
                b.putAttachment(new Attachment(AttachmentId.attachmentId(String.format("attach-x%05d", e)), r.id(),
                        instance, OWNER, device, false));
            } else {
                InterfaceRecord r = record(b, subnets, used, e % 2, record++, groups);
                free.add(r.id());
            }
        }
        b.version(1).idSequence(0);
        Set<Object> ids = new LinkedHashSet<>(b.touched());
        return new Generated(b.build(), ids, List.copyOf(free), List.copyOf(instanceIds));
    }

    private static String zone(int index) {
        return index % 2 == 0 ? "zone-1" : "zone-2";
    }

    private static InterfaceRecord record(Topology.Builder b, List<Subnet> subnets, int[] used, int zone, int n,
                                          List<SecurityGroupId> groups) {
        int s = zone;
        while (used[s] >= PER_SUBNET) {
            s += 2;
        }
        Subnet subnet = subnets.get(s);
        Ipv4Address ip = subnet.cidr().addressAt(4 + used[s]++);
        InterfaceId id = InterfaceId.interfaceId(String.format("vif-%05d", n));
        List<PublicAddress> publics = n % 10 == 0
                ? List.of(new PublicAddress(Ipv4Address.parse("198.18.0.0").plus(n), ip)) : List.of();
        InterfaceRecord r = new InterfaceRecord(id, "generated " + n, PARTITION, subnet.zone(), subnet.id(), List.of(ip),
                publics, List.of(groups.get(n % groups.size())), Set.of(), Set.of(), OWNER, true, OWNER,
                Map.of("role", n % 2 == 0 ? "front" : "back"), OptionalInt.empty(), false, false);
        b.putInterface(r);
        return r;
    }
}
