package org.viflab.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Supplier;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
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
import org.viflab.net.PortRange;
import org.viflab.net.PortSet;
import org.viflab.net.Protocol;

/**
 * Sequences of random changes (puts and removes over a small pool of ids, so that objects are
 * rewritten and deleted often) each read back equal to what was committed. Seeded, so a failure
 * names the seed that reproduces it.
 */
class RandomChangesRoundTripTest {

    private static final int STEPS = 40;

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 20261125})
    void everyCommittedSnapshotReadsBackEqual(long seed) {
        Random random = new Random(seed);
        try (H2Repository repository = H2Repository.inMemory()) {
            Topology lab = Topology.empty();
            for (int step = 0; step < STEPS; step++) {
                Generator g = new Generator(random);
                int changes = 1 + random.nextInt(4);
                lab = Labs.commit(repository, lab, "step " + step, b -> {
                    for (int i = 0; i < changes; i++) {
                        g.change(b);
                    }
                    b.idSequence(random.nextInt(1000));
                });
                assertThat(repository.load()).as("seed %d step %d", seed, step).isEqualTo(lab);
            }
            assertThat(repository.journal()).hasSize(STEPS);
        }
    }

    /** Random model values; ids come from small pools so that changes meet earlier objects. */
    private static final class Generator {
        private final Random random;

        Generator(Random random) {
            this.random = random;
        }

        void change(Topology.Builder b) {
            switch (random.nextInt(13)) {
                case 0 -> b.putPrincipal(principal());
                case 1 -> b.putPartition(partition());
                case 2 -> b.removePartition(PartitionId.partitionId(pick("vpc-0", "vpc-1", "vpc-2")));
                case 3 -> b.putSubnet(subnet());
                case 4 -> b.removeSubnet(subnetId());
                case 5 -> b.putSecurityGroup(group());
                case 6 -> b.removeSecurityGroup(groupId());
                case 7 -> b.putPlatform(platform());
                case 8 -> b.putInstance(instance());
                case 9 -> b.putInterface(iface());
                case 10 -> b.removeInterface(interfaceId());
                case 11 -> b.putAttachment(attachment());
                default -> b.removeAttachment(AttachmentId.attachmentId(pick("att-0", "att-1", "att-2", "att-3")));
            }
        }

        private String pick(String... choices) {
            return choices[random.nextInt(choices.length)];
        }

        private String text() {
            return pick("", "web", "a longer description, with commas", "ünïcode ✓", "line\nbreak");
        }

        private PrincipalId principal() {
            return PrincipalId.principalId(pick("operator", "alice", "bob", "carol"));
        }

        private SubnetId subnetId() {
            return SubnetId.subnetId(pick("subnet-0", "subnet-1", "subnet-2"));
        }

        private SecurityGroupId groupId() {
            return SecurityGroupId.securityGroupId(pick("sg-0", "sg-1", "9-digits-first"));
        }

        private InterfaceId interfaceId() {
            return InterfaceId.interfaceId(pick("vif-0", "vif-1", "vif-2", "local"));
        }

        private Ipv4Address address() {
            return new Ipv4Address(random.nextInt());
        }

        private Ipv4Prefix prefix() {
            return new Ipv4Prefix(address(), random.nextInt(33));
        }

        private <T> Optional<T> maybe(Supplier<T> value) {
            return random.nextBoolean() ? Optional.of(value.get()) : Optional.empty();
        }

        private Map<String, String> tags() {
            Map<String, String> tags = new TreeMap<>();
            for (int i = random.nextInt(4); i > 0; i--) {
                tags.put(pick("name", "env", "Name", "role", "k=v"), text());
            }
            return tags;
        }

        private <T> List<T> some(int max, Supplier<T> item) {
            List<T> out = new ArrayList<>();
            for (int i = random.nextInt(max + 1); i > 0; i--) {
                out.add(item.get());
            }
            return out;
        }

        private Partition partition() {
            return new Partition(PartitionId.partitionId(pick("vpc-0", "vpc-1", "vpc-2")), principal(), prefix(),
                    random.nextBoolean(), maybe(this::prefix), groupId());
        }

        private RouteTarget routeTarget() {
            return switch (random.nextInt(5)) {
                case 0 -> RouteTarget.LOCAL;
                case 1 -> RouteTarget.INTERNET;
                case 2 -> RouteTarget.VPN;
                case 3 -> RouteTarget.BLACKHOLE;
                default -> RouteTarget.appliance(interfaceId());
            };
        }

        private Subnet subnet() {
            return new Subnet(subnetId(), PartitionId.partitionId(pick("vpc-0", "vpc-1")), prefix(),
                    pick("zone-1", "zone-2"), some(4, () -> new Route(prefix(), routeTarget())));
        }

        private Rule rule() {
            Protocol protocol = Protocol.values()[random.nextInt(Protocol.values().length)];
            List<PortRange> ranges = some(3, () -> {
                int from = random.nextInt(65536);
                return new PortRange(from, Math.min(65535, from + random.nextInt(100)));
            });
            PortSet ports = ranges.isEmpty() ? PortSet.ALL : new PortSet(ranges);
            RulePeer peer = random.nextBoolean() ? RulePeer.of(prefix()) : RulePeer.of(groupId());
            return new Rule(protocol, ports, peer);
        }

        private SecurityGroup group() {
            return new SecurityGroup(groupId(), PartitionId.partitionId(pick("vpc-0", "vpc-1")), text(),
                    some(4, this::rule), random.nextInt(4) == 0 ? SecurityGroup.allowAllEgress() : some(3, this::rule));
        }

        private ServicePlatform platform() {
            List<PhysicalNic> nics = new ArrayList<>();
            for (int i = 1 + random.nextInt(3); i > 0; i--) {
                nics.add(new PhysicalNic(NicId.nicId("nic-" + random.nextInt(100)),
                        new MacAddress(random.nextLong() & 0xFFFF_FFFF_FFFFL), random.nextBoolean()));
            }
            return new ServicePlatform(PlatformId.platformId(pick("host-0", "host-1")), pick("zone-1", "zone-2"),
                    1 + random.nextInt(16), nics);
        }

        private ResourceInstance instance() {
            return new ResourceInstance(InstanceId.instanceId(pick("vm-0", "vm-1", "vm-2")), principal(),
                    pick("t3.micro", "sim.large", "x9.unknown"), pick("zone-1", "zone-2"),
                    maybe(() -> PlatformId.platformId(pick("host-0", "host-1"))),
                    InstanceState.values()[random.nextInt(InstanceState.values().length)], tags());
        }

        private InterfaceRecord iface() {
            List<Ipv4Address> privateIps = new ArrayList<>(new TreeSet<>(some(3, this::address)));
            privateIps.add(0, address());
            Set<PrincipalId> attachers = new TreeSet<>(some(2, this::principal));
            Set<PrincipalId> ipSetters = new TreeSet<>(some(2, this::principal));
            return new InterfaceRecord(interfaceId(), text(), PartitionId.partitionId(pick("vpc-0", "vpc-1")),
                    random.nextInt(5) == 0 ? null : pick("zone-1", "zone-2"), subnetId(), privateIps,
                    some(2, () -> new PublicAddress(address(), privateIps.get(0))), some(3, this::groupId),
                    attachers, ipSetters, principal(), random.nextBoolean(),
                    random.nextBoolean() ? null : principal(), tags(),
                    random.nextBoolean() ? OptionalInt.empty() : OptionalInt.of(random.nextInt(4096)),
                    random.nextBoolean(), random.nextBoolean());
        }

        private Attachment attachment() {
            return new Attachment(AttachmentId.attachmentId(pick("att-0", "att-1", "att-2", "att-3")), interfaceId(),
                    InstanceId.instanceId(pick("vm-0", "vm-1", "vm-2")), principal(), random.nextInt(8),
                    random.nextBoolean());
        }
    }
}
