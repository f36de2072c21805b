package org.viflab.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Stream;
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
import org.viflab.model.Rule;
import org.viflab.model.RulePeer;
import org.viflab.model.SecurityGroup;
import org.viflab.model.SecurityGroupId;
import org.viflab.model.Sentence;
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
 * {@code viflab import-aws}: builds a scenario from the JSON outputs of {@code aws ec2
 * describe-vpcs | describe-subnets | describe-security-groups | describe-instances |
 * describe-network-interfaces --output json}, following the mapping of scenario-format.md.
 *
 * <p>AWS ids are kept. A VPC becomes a partition (its {@code default} group its default group; an
 * internet gateway when one of its interfaces holds a public address, as AWS refuses an Elastic IP
 * without one); subnets get only their local route; each {@code IpRanges[]} and
 * {@code UserIdGroupPairs[]} entry becomes a rule. Instances that are not terminated keep their
 * type, zone and state and are placed on generated platforms, {@code host-<zone>-<n>}, 16
 * instances each. Interfaces keep their addresses, public addresses, groups, description, tags,
 * source/destination check and requester-managed flag; an account {@code OwnerId} becomes the
 * principal {@code aws-<account>}. The device-0 interface is launched with its instance; higher
 * devices become {@code attach} steps with their attachment ids, device indexes and
 * delete-on-termination (see {@link LabSnapshot}). A requester-managed interface of a service
 * (NAT gateway, load balancer, endpoint) is imported unattached.
 *
 * <p>Whatever the scenario cannot hold — route tables and network ACLs (the outputs hold none),
 * NAT and transit gateways, IPv6, secondary VPC CIDRs (and subnets in them), prefix lists, peer
 * groups outside the files, other protocols — is reported as a warning, never dropped silently.
 * Input that is not such an output (bad JSON, a missing id) is a {@link ScenarioException} with
 * its position.
 */
public final class AwsImport {

    /** Instances per generated platform. */
    static final int PLATFORM_CAPACITY = 16;

    private static final List<String> KEYS = List.of("Vpcs", "Subnets", "SecurityGroups", "Reservations",
            "NetworkInterfaces");

    private AwsImport() {
    }

    /** The imported scenario and what could not be imported. */
    public record Result(Scenario scenario, List<String> warnings) {
        public Result {
            java.util.Objects.requireNonNull(scenario, "scenario");
            warnings = List.copyOf(warnings);
        }
    }

    /** Imports every {@code *.json} file of {@code directory}, in name order. */
    public static Result fromDirectory(Path directory) {
        List<Path> files;
        try (Stream<Path> list = Files.list(directory)) {
            files = list.filter(p -> p.getFileName().toString().endsWith(".json") && Files.isRegularFile(p))
                    .sorted().toList();
        } catch (IOException e) {
            throw new ScenarioException(directory.toString(), 1, 1, Sentence.of(Problem.CANNOT_LIST_DIRECTORY, e), e);
        }
        if (files.isEmpty()) {
            throw new ScenarioException(directory.toString(), 1, 1, Sentence.of(Problem.NO_JSON_FILE));
        }
        List<SourceDocument> docs = new ArrayList<>();
        for (Path file : files) {
            String name = file.toString();
            byte[] content = ScenarioReader.readBounded(file, name, SourceDocument.Limits.AWS_EXPORT.maxBytes());
            docs.add(SourceDocument.parse(name, content, SourceDocument.Format.JSON, SourceDocument.Limits.AWS_EXPORT,
                    path -> true));
        }
        return new Importer(docs).run();
    }

    /** Imports JSON texts by file name (for tests and for callers that already hold the outputs). */
    public static Result fromTexts(Map<String, String> jsonByName) {
        List<SourceDocument> docs = new ArrayList<>();
        new TreeMap<>(jsonByName).forEach((name, text) -> docs.add(SourceDocument.parse(name,
                text.getBytes(java.nio.charset.StandardCharsets.UTF_8), SourceDocument.Format.JSON,
                SourceDocument.Limits.AWS_EXPORT, path -> true)));
        return new Importer(docs).run();
    }

    /** A JSON object of one of the outputs, with where it was read. */
    private record Item(SourceDocument doc, KeyPath path, JsonNode node) {
        Item child(String key) {
            return new Item(doc, path.key(key), node.path(key));
        }

        ScenarioException error(String key, Sentence detail) {
            return doc.error(key == null ? path : path.key(key), detail);
        }

        boolean has(String key) {
            JsonNode value = node.get(key);
            return value != null && !value.isNull();
        }

        String text(String key) {
            JsonNode value = node.get(key);
            if (value == null || value.isNull()) {
                throw error(null, Sentence.of(Problem.MISSING, key));
            }
            if (!value.isTextual()) {
                throw error(key, Sentence.of(Problem.EXPECTED_FOUND, Sentence.of(Problem.KIND_TEXT),
                        doc.kindAt(path.key(key))));
            }
            return value.textValue();
        }

        Optional<String> optionalText(String key) {
            return has(key) ? Optional.of(text(key)) : Optional.empty();
        }

        boolean bool(String key, boolean otherwise) {
            if (!has(key)) {
                return otherwise;
            }
            if (!node.get(key).isBoolean()) {
                throw error(key, Sentence.of(Problem.EXPECTED_FOUND, Sentence.of(Problem.KIND_TRUE_OR_FALSE),
                        doc.kindAt(path.key(key))));
            }
            return node.get(key).booleanValue();
        }

        OptionalInt integer(String key) {
            if (!has(key)) {
                return OptionalInt.empty();
            }
            if (!node.get(key).canConvertToInt() || !node.get(key).isIntegralNumber()) {
                throw error(key, Sentence.of(Problem.EXPECTED_FOUND, Sentence.of(Problem.KIND_WHOLE_NUMBER),
                        doc.kindAt(path.key(key))));
            }
            return OptionalInt.of(node.get(key).intValue());
        }

        List<Item> list(String key) {
            if (!has(key)) {
                return List.of();
            }
            JsonNode value = node.get(key);
            if (!value.isArray()) {
                throw error(key, Sentence.of(Problem.EXPECTED_FOUND, Sentence.of(Problem.KIND_LIST),
                        doc.kindAt(path.key(key))));
            }
            List<Item> out = new ArrayList<>();
            for (int i = 0; i < value.size(); i++) {
                KeyPath at = path.key(key).index(i);
                if (!value.get(i).isObject()) {
                    throw doc.error(at, Sentence.of(Problem.EXPECTED_FOUND, Sentence.of(Problem.KIND_MAPPING),
                            doc.kindAt(at)));
                }
                out.add(new Item(doc, at, value.get(i)));
            }
            return out;
        }

        <T> T parse(String key, Function<String, T> parser) {
            String text = text(key);
            try {
                return parser.apply(text);
            } catch (IllegalArgumentException e) {
                throw error(key, ValueErrors.sentence(e));
            }
        }

        Map<String, String> tags(String key) {
            Map<String, String> out = new TreeMap<>();
            for (Item tag : list(key)) {
                out.put(tag.text("Key"), tag.optionalText("Value").orElse(""));
            }
            return out;
        }
    }

    /** An instance of a reservation, with the reservation's owner. */
    private record InstanceItem(Item item, String owner) {
    }

    /** An interface as describe-instances lists it under its instance. */
    private record NestedInterface(Item item, String instance) {
    }

    private static final class Importer {
        private final List<SourceDocument> docs;
        private final List<String> warnings = new ArrayList<>();
        private final Map<String, Item> vpcs = new LinkedHashMap<>();
        private final Map<String, Item> subnets = new LinkedHashMap<>();
        private final Map<String, Item> groups = new LinkedHashMap<>();
        private final Map<String, InstanceItem> instances = new LinkedHashMap<>();
        private final Map<String, Item> interfaces = new LinkedHashMap<>();
        private final Map<String, NestedInterface> nested = new LinkedHashMap<>();
        private final Set<PrincipalId> principals = new LinkedHashSet<>();
        private final Set<String> taggedKinds = new LinkedHashSet<>();

        Importer(List<SourceDocument> docs) {
            this.docs = docs;
        }

        private void warn(String text) {
            warnings.add(text);
        }

        private PrincipalId principal(String account) {
            PrincipalId id = PrincipalId.principalId("aws-" + account);
            principals.add(id);
            return id;
        }

        Result run() {
            collect();
            return build();
        }

        // ---- reading the outputs ----------------------------------------------------------

        private void collect() {
            for (SourceDocument doc : docs) {
                Item root = new Item(doc, KeyPath.ROOT, doc.root());
                if (!doc.root().isObject()) {
                    throw doc.error(KeyPath.ROOT, Sentence.of(Problem.EXPECTED_AWS_OUTPUT, doc.kindAt(KeyPath.ROOT)));
                }
                if (KEYS.stream().noneMatch(root::has)) {
                    warn(doc.name() + ": holds none of " + String.join(", ", KEYS) + "; skipped");
                    continue;
                }
                root.list("Vpcs").forEach(v -> vpcs.putIfAbsent(v.text("VpcId"), v));
                root.list("Subnets").forEach(s -> subnets.putIfAbsent(s.text("SubnetId"), s));
                root.list("SecurityGroups").forEach(g -> groups.putIfAbsent(g.text("GroupId"), g));
                for (Item reservation : root.list("Reservations")) {
                    String owner = reservation.text("OwnerId");
                    for (Item instance : reservation.list("Instances")) {
                        String id = instance.text("InstanceId");
                        instances.putIfAbsent(id, new InstanceItem(instance, owner));
                        for (Item eni : instance.list("NetworkInterfaces")) {
                            nested.putIfAbsent(eni.text("NetworkInterfaceId"), new NestedInterface(eni, id));
                        }
                    }
                }
                root.list("NetworkInterfaces").forEach(n -> interfaces.putIfAbsent(n.text("NetworkInterfaceId"), n));
            }
        }

        // ---- building the lab -------------------------------------------------------------

        private Result build() {
            Map<String, Ipv4Prefix> vpcCidrs = new LinkedHashMap<>();
            Map<String, String> vpcOwners = new LinkedHashMap<>();
            for (Item vpc : vpcs.values()) {
                String id = vpc.text("VpcId");
                Ipv4Prefix cidr = vpc.parse("CidrBlock", ScenarioConverter::prefix);
                vpcCidrs.put(id, cidr);
                vpcOwners.put(id, vpc.text("OwnerId"));
                for (Item association : vpc.list("CidrBlockAssociationSet")) {
                    Ipv4Prefix other = association.parse("CidrBlock", ScenarioConverter::prefix);
                    String state = association.child("CidrBlockState").optionalText("State").orElse("associated");
                    if (!other.equals(cidr) && (state.equals("associated") || state.equals("associating"))) {
                        warn(id + ": secondary CIDR " + other + " is not imported (a partition has one CIDR)");
                    }
                }
                for (Item association : vpc.list("Ipv6CidrBlockAssociationSet")) {
                    warn(id + ": IPv6 CIDR " + association.optionalText("Ipv6CidrBlock").orElse("(unnamed)")
                            + " is not imported (VIF Lab models IPv4 only)");
                }
                if (!vpc.list("Tags").isEmpty()) {
                    taggedKinds.add("VPCs");
                }
            }

            Map<String, Subnet> subnetModels = new LinkedHashMap<>();
            for (Item item : subnets.values()) {
                String id = item.text("SubnetId");
                String vpc = item.text("VpcId");
                Ipv4Prefix cidr = item.parse("CidrBlock", ScenarioConverter::prefix);
                if (!vpcCidrs.containsKey(vpc)) {
                    warn(id + ": its VPC " + vpc + " is not in the files; subnet not imported");
                    continue;
                }
                if (!vpcCidrs.get(vpc).contains(cidr)) {
                    warn(id + ": " + cidr + " lies in a secondary CIDR of " + vpc + "; subnet not imported");
                    continue;
                }
                for (Item association : item.list("Ipv6CidrBlockAssociationSet")) {
                    warn(id + ": IPv6 CIDR " + association.optionalText("Ipv6CidrBlock").orElse("(unnamed)")
                            + " is not imported (VIF Lab models IPv4 only)");
                }
                if (!item.list("Tags").isEmpty()) {
                    taggedKinds.add("subnets");
                }
                subnetModels.put(id, new Subnet(SubnetId.subnetId(id), PartitionId.partitionId(vpc), cidr,
                        item.text("AvailabilityZone"), List.of()));
            }
            if (!subnetModels.isEmpty()) {
                warn("route tables are not in describe-* outputs: each subnet has only its local route; add routes "
                        + "to the internet, NAT or peerings by hand (setRoute)");
                warn("network ACLs are not imported: only security groups filter traffic");
            }

            Map<String, String> groupVpc = new LinkedHashMap<>();
            Map<String, String> defaultGroups = new LinkedHashMap<>();
            for (Item g : groups.values()) {
                String id = g.text("GroupId");
                Optional<String> vpc = g.optionalText("VpcId");
                if (vpc.isEmpty() || !vpcCidrs.containsKey(vpc.get())) {
                    warn(id + ": its VPC " + vpc.orElse("(none: EC2-Classic)") + " is not in the files; group not imported");
                    continue;
                }
                groupVpc.put(id, vpc.get());
                if (g.optionalText("GroupName").orElse("").equals("default")) {
                    defaultGroups.putIfAbsent(vpc.get(), id);
                }
            }
            Map<String, SecurityGroup> groupModels = new LinkedHashMap<>();
            for (Map.Entry<String, String> entry : groupVpc.entrySet()) {
                Item g = groups.get(entry.getKey());
                if (!g.list("Tags").isEmpty()) {
                    taggedKinds.add("security groups");
                }
                groupModels.put(entry.getKey(), new SecurityGroup(SecurityGroupId.securityGroupId(entry.getKey()),
                        PartitionId.partitionId(entry.getValue()), g.optionalText("Description").orElse(""),
                        rules(g, "IpPermissions", entry.getKey(), entry.getValue(), groupVpc),
                        rules(g, "IpPermissionsEgress", entry.getKey(), entry.getValue(), groupVpc)));
            }

            Map<String, ResourceInstance> instanceModels = new LinkedHashMap<>();
            Map<String, PrincipalId> instanceOwners = new LinkedHashMap<>();
            for (InstanceItem candidate : instances.values()) {
                Item item = candidate.item();
                String id = item.text("InstanceId");
                String state = item.child("State").text("Name");
                InstanceState mapped = switch (state) {
                    case "pending" -> InstanceState.PENDING;
                    case "running" -> InstanceState.RUNNING;
                    case "stopping", "stopped" -> InstanceState.STOPPED;
                    default -> null;
                };
                if (mapped == null) {
                    warn(id + ": " + state + " instance not imported");
                    continue;
                }
                Optional<String> vpc = item.optionalText("VpcId");
                if (vpc.isEmpty() || !vpcCidrs.containsKey(vpc.get())) {
                    warn(id + ": its VPC " + vpc.orElse("(none)") + " is not in the files; instance not imported");
                    continue;
                }
                PrincipalId owner = principal(candidate.owner());
                instanceOwners.put(id, owner);
                instanceModels.put(id, new ResourceInstance(InstanceId.instanceId(id), owner, item.text("InstanceType"),
                        item.child("Placement").text("AvailabilityZone"), Optional.empty(), mapped, item.tags("Tags")));
            }

            Map<String, InterfaceRecord> records = new LinkedHashMap<>();
            List<Attachment> attachments = new ArrayList<>();
            Set<String> ids = new LinkedHashSet<>(interfaces.keySet());
            ids.addAll(nested.keySet());
            for (String id : ids) {
                Item item = interfaces.containsKey(id) ? interfaces.get(id) : nested.get(id).item();
                Optional<String> nestedIn = interfaces.containsKey(id) ? Optional.empty() : Optional.of(nested.get(id).instance());
                iface(id, item, nestedIn, subnetModels, groupVpc, defaultGroups, instanceModels, instanceOwners,
                        records, attachments);
            }

            Set<String> withDeviceZero = new HashSet<>();
            attachments.forEach(a -> {
                if (a.deviceIndex() == 0) {
                    withDeviceZero.add(a.instance().value());
                }
            });
            for (String id : List.copyOf(instanceModels.keySet())) {
                if (!withDeviceZero.contains(id)) {
                    warn(id + ": its device-0 interface is not in the files; instance not imported");
                    instanceModels.remove(id);
                    attachments.removeIf(a -> {
                        boolean drop = a.instance().value().equals(id);
                        if (drop) {
                            warn(a.iface() + ": attached to " + id + ", which is not imported; imported unattached");
                        }
                        return drop;
                    });
                }
            }

            List<ServicePlatform> platforms = new ArrayList<>();
            Map<String, List<String>> byZone = new TreeMap<>();
            instanceModels.values().forEach(i -> byZone.computeIfAbsent(i.zone(), z -> new ArrayList<>()).add(i.id().value()));
            byZone.forEach((zone, members) -> {
                for (int from = 0, n = 1; from < members.size(); from += PLATFORM_CAPACITY, n++) {
                    PlatformId platform = PlatformId.platformId("host-" + zone + "-" + n);
                    MacAddress mac = new MacAddress(0x02_00_0a_00_00_00L + platforms.size() + 1);
                    platforms.add(new ServicePlatform(platform, zone, PLATFORM_CAPACITY,
                            List.of(new PhysicalNic(NicId.nicId(platform.value() + "-nic1"), mac, true))));
                    for (String instance : members.subList(from, Math.min(members.size(), from + PLATFORM_CAPACITY))) {
                        instanceModels.computeIfPresent(instance, (k, i) -> i.withPlatform(Optional.of(platform)));
                    }
                }
            });

            Topology.Builder lab = Topology.empty().toBuilder();
            Set<String> internet = new HashSet<>();
            records.values().forEach(r -> {
                if (!r.publicIps().isEmpty()) {
                    internet.add(r.partition().value());
                }
            });
            vpcCidrs.forEach((id, cidr) -> {
                PartitionId partition = PartitionId.partitionId(id);
                SecurityGroupId defaultGroup = defaultGroups.containsKey(id)
                        ? SecurityGroupId.securityGroupId(defaultGroups.get(id)) : Partition.defaultGroupOf(partition);
                lab.putPartition(new Partition(partition, principal(vpcOwners.get(id)), cidr, internet.contains(id),
                        Optional.empty(), defaultGroup));
                if (!defaultGroups.containsKey(id)) {
                    lab.putSecurityGroup(new SecurityGroup(defaultGroup, partition, "default group of " + id,
                            List.of(new Rule(Protocol.ALL, null, RulePeer.of(defaultGroup))), SecurityGroup.allowAllEgress()));
                }
            });
            principals.forEach(lab::putPrincipal);
            subnetModels.values().forEach(lab::putSubnet);
            groupModels.values().forEach(lab::putSecurityGroup);
            platforms.forEach(lab::putPlatform);
            instanceModels.values().forEach(lab::putInstance);
            records.values().forEach(lab::putInterface);
            attachments.forEach(lab::putAttachment);
            if (!taggedKinds.isEmpty()) {
                warn("tags of " + String.join(", ", taggedKinds) + " are not kept (only instances and interfaces have tags)");
            }

            List<String> accounts = principals.stream().map(p -> p.value().substring("aws-".length())).toList();
            String title = accounts.size() == 1 ? "AWS account " + accounts.get(0)
                    : "AWS accounts " + String.join(", ", accounts);
            Scenario snapshot = LabSnapshot.scenarioOf(lab.build(), title.isBlank() || accounts.isEmpty() ? "AWS import" : title);
            String description = "Imported from " + String.join(", ", docs.stream()
                    .map(d -> Path.of(d.name()).getFileName().toString()).toList()) + ": "
                    + vpcCidrs.size() + " VPC(s), " + subnetModels.size() + " subnet(s), " + groupModels.size()
                    + " security group(s), " + instanceModels.size() + " instance(s), " + records.size()
                    + " network interface(s).\n";
            Scenario scenario = new Scenario(snapshot.title(), Optional.of(description), snapshot.principals(),
                    snapshot.propagation(), snapshot.topology(), snapshot.watch(), snapshot.steps());
            return new Result(scenario, warnings);
        }

        private List<Rule> rules(Item group, String key, String groupId, String vpc, Map<String, String> groupVpc) {
            List<Rule> out = new ArrayList<>();
            for (Item permission : group.list(key)) {
                String direction = key.equals("IpPermissions") ? "ingress" : "egress";
                String protocolText = permission.text("IpProtocol");
                Optional<Protocol> protocol = Protocol.tryParse(protocolText);
                if (protocol.isEmpty()) {
                    warn(groupId + ": " + direction + " rule for IP protocol " + protocolText + " is not imported "
                            + "(only tcp, udp, icmp and all)");
                    continue;
                }
                PortSet ports = null;
                OptionalInt from = permission.integer("FromPort");
                OptionalInt to = permission.integer("ToPort");
                if (protocol.get().hasPorts() && from.isPresent() && from.getAsInt() >= 0) {
                    try {
                        ports = new PortSet(List.of(new PortRange(from.getAsInt(), to.orElse(from.getAsInt()))));
                    } catch (IllegalArgumentException e) {
                        throw permission.error("FromPort", ValueErrors.sentence(e));
                    }
                }
                for (Item range : permission.list("IpRanges")) {
                    out.add(new Rule(protocol.get(), ports, RulePeer.of(range.parse("CidrIp", ScenarioConverter::prefix))));
                }
                for (Item range : permission.list("Ipv6Ranges")) {
                    warn(groupId + ": " + direction + " rule from IPv6 " + range.optionalText("CidrIpv6").orElse("range")
                            + " is not imported (VIF Lab models IPv4 only)");
                }
                for (Item list : permission.list("PrefixListIds")) {
                    warn(groupId + ": " + direction + " rule from prefix list "
                            + list.optionalText("PrefixListId").orElse("(unnamed)") + " is not imported");
                }
                for (Item pair : permission.list("UserIdGroupPairs")) {
                    String peer = pair.text("GroupId");
                    if (vpc.equals(groupVpc.get(peer))) {
                        out.add(new Rule(protocol.get(), ports, RulePeer.of(SecurityGroupId.securityGroupId(peer))));
                    } else {
                        warn(groupId + ": " + direction + " rule naming group " + peer
                                + pair.optionalText("UserId").map(u -> " of account " + u).orElse("")
                                + " is not imported (that group is not in these files or not in " + vpc + ")");
                    }
                }
            }
            return out;
        }

        private void iface(String id, Item item, Optional<String> nestedIn, Map<String, Subnet> subnetModels,
                           Map<String, String> groupVpc, Map<String, String> defaultGroups,
                           Map<String, ResourceInstance> instanceModels, Map<String, PrincipalId> instanceOwners,
                           Map<String, InterfaceRecord> records, List<Attachment> attachments) {
            String subnetId = item.text("SubnetId");
            Subnet subnet = subnetModels.get(subnetId);
            if (subnet == null) {
                warn(id + ": its subnet " + subnetId + " is not imported; interface not imported");
                return;
            }
            List<Ipv4Address> privateIps = new ArrayList<>();
            List<PublicAddress> publicIps = new ArrayList<>();
            List<Item> addresses = item.list("PrivateIpAddresses");
            if (addresses.isEmpty()) {
                privateIps.add(item.parse("PrivateIpAddress", Ipv4Address::parse));
            }
            for (Item address : addresses) {
                Ipv4Address ip = address.parse("PrivateIpAddress", Ipv4Address::parse);
                if (address.bool("Primary", false)) {
                    privateIps.add(0, ip);
                } else {
                    privateIps.add(ip);
                }
                Item association = address.child("Association");
                if (association.has("PublicIp")) {
                    publicIps.add(new PublicAddress(association.parse("PublicIp", Ipv4Address::parse), ip));
                }
            }
            Item association = item.child("Association");
            if (association.has("PublicIp")) {
                Ipv4Address pub = association.parse("PublicIp", Ipv4Address::parse);
                if (publicIps.stream().noneMatch(p -> p.publicIp().equals(pub))) {
                    publicIps.add(0, new PublicAddress(pub, privateIps.get(0)));
                }
            }
            List<Item> ipv6 = item.list("Ipv6Addresses");
            if (!ipv6.isEmpty()) {
                warn(id + ": IPv6 address(es) " + ipv6.stream().map(a -> a.optionalText("Ipv6Address").orElse("?")).toList()
                        + " are not imported (VIF Lab models IPv4 only)");
            }
            for (String prefixes : List.of("Ipv4Prefixes", "Ipv6Prefixes")) {
                if (!item.list(prefixes).isEmpty()) {
                    warn(id + ": delegated prefixes (" + prefixes + ") are not imported");
                }
            }
            boolean requesterManaged = item.bool("RequesterManaged", false);
            String vpc = subnet.partition().value();
            List<SecurityGroupId> groupIds = new ArrayList<>();
            for (Item group : item.list("Groups")) {
                String groupId = group.text("GroupId");
                if (vpc.equals(groupVpc.get(groupId))) {
                    groupIds.add(SecurityGroupId.securityGroupId(groupId));
                } else {
                    warn(id + ": security group " + groupId + " is not imported; dropped from the interface");
                }
            }
            if (groupIds.isEmpty() && !requesterManaged) {
                groupIds.add(defaultGroups.containsKey(vpc) ? SecurityGroupId.securityGroupId(defaultGroups.get(vpc))
                        : Partition.defaultGroupOf(subnet.partition()));
            }
            Item attachment = item.child("Attachment");
            Optional<String> instance = attachment.optionalText("InstanceId").or(() -> nestedIn);
            String owner = item.optionalText("OwnerId").orElseGet(() -> instance.map(i -> instanceOwners.containsKey(i)
                    ? instanceOwners.get(i).value().substring(4) : null).orElse(null));
            if (owner == null) {
                throw item.error(null, Sentence.of(Problem.MISSING, "OwnerId"));
            }
            String type = item.optionalText("InterfaceType").orElse("interface");
            if (type.equals("nat_gateway") || type.equals("transit_gateway")) {
                warn(id + ": interface of a " + (type.equals("nat_gateway") ? "NAT gateway" : "transit gateway") + " (" + item.optionalText("Description").orElse("")
                        + "); the gateway itself is not imported, its interface is imported unattached");
            }
            records.put(id, new InterfaceRecord(InterfaceId.interfaceId(id), item.optionalText("Description").orElse(""),
                    subnet.partition(), subnet.zone(), subnet.id(), privateIps, publicIps, groupIds, Set.of(), Set.of(),
                    principal(owner), item.bool("SourceDestCheck", true), null, item.tags("TagSet"),
                    OptionalInt.empty(), false, requesterManaged));
            String status = attachment.optionalText("Status").orElse("attached");
            if (!attachment.node().isObject() || status.equals("detached")) {
                return;
            }
            if (instance.isEmpty()) {
                if (!type.equals("nat_gateway") && !type.equals("transit_gateway")) {
                    warn(id + ": attached to a service (" + type + ", owner "
                            + attachment.optionalText("InstanceOwnerId").orElse("?") + "), not an instance; imported unattached");
                }
                return;
            }
            if (!instanceModels.containsKey(instance.get())) {
                warn(id + ": attached to " + instance.get() + ", which is not imported; imported unattached");
                return;
            }
            String attachmentId = attachment.optionalText("AttachmentId").orElse("eni-attach-" + id);
            int device = attachment.integer("DeviceIndex")
                    .orElseThrow(() -> attachment.error(null, Sentence.of(Problem.MISSING, "DeviceIndex")));
            attachments.add(new Attachment(AttachmentId.attachmentId(attachmentId), InterfaceId.interfaceId(id),
                    InstanceId.instanceId(instance.get()), instanceOwners.get(instance.get()), device,
                    attachment.bool("DeleteOnTermination", false)));
        }
    }
}
