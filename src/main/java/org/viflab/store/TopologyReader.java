package org.viflab.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.TreeMap;
import java.util.TreeSet;
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
import org.viflab.model.Rule;
import org.viflab.model.RulePeer;
import org.viflab.model.SecurityGroup;
import org.viflab.model.SecurityGroupId;
import org.viflab.model.ServicePlatform;
import org.viflab.model.Subnet;
import org.viflab.model.SubnetId;
import org.viflab.model.Topology;
import org.viflab.net.Ipv4Address;
import org.viflab.net.MacAddress;
import org.viflab.net.PortSet;
import org.viflab.net.Protocol;

/**
 * Reads a whole lab back into a {@link Topology}: one query per table, the rows of each object
 * grouped by owner and kept in their stored order. The caller runs it inside one snapshot.
 *
 * <p>A value the model refuses (an unparsable prefix, an interface without addresses) throws the
 * model's {@link IllegalArgumentException}; the repository reports it as a damaged lab.
 */
final class TopologyReader {

    private final Statements statements;

    TopologyReader(Statements statements) {
        this.statements = statements;
    }

    @FunctionalInterface
    private interface Row<T> {
        T read(ResultSet rs) throws SQLException;
    }

    Topology read() throws SQLException {
        Topology.Builder builder = Topology.empty().toBuilder();

        for (PrincipalId principal : list("SELECT id FROM principals ORDER BY id",
                rs -> PrincipalId.principalId(rs.getString(1)))) {
            builder.putPrincipal(principal);
        }

        for (Partition partition : list("SELECT id, owner_id, cidr, internet_gateway, vpn_on_premises,"
                + " default_group_id FROM partitions ORDER BY id", rs -> new Partition(
                PartitionId.partitionId(rs.getString(1)), PrincipalId.principalId(rs.getString(2)),
                Codes.prefix(rs.getString(3)), rs.getBoolean(4),
                Optional.ofNullable(rs.getString(5)).map(Codes::prefix),
                SecurityGroupId.securityGroupId(rs.getString(6))))) {
            builder.putPartition(partition);
        }

        Map<String, List<Route>> routes = grouped("SELECT subnet_id, destination, target_kind, target_interface_id"
                + " FROM subnet_routes ORDER BY subnet_id, position", rs -> new Route(
                Codes.prefix(rs.getString(2)), Codes.routeTarget(rs.getString(3), rs.getString(4))));
        for (Subnet subnet : list("SELECT id, partition_id, cidr, zone FROM subnets ORDER BY id", rs -> new Subnet(
                SubnetId.subnetId(rs.getString(1)), PartitionId.partitionId(rs.getString(2)),
                Codes.prefix(rs.getString(3)), rs.getString(4), routes.getOrDefault(rs.getString(1), List.of())))) {
            builder.putSubnet(subnet);
        }

        Map<String, List<Rule>> ingress = new HashMap<>();
        Map<String, List<Rule>> egress = new HashMap<>();
        try (ResultSet rs = statements.get("SELECT group_id, direction, protocol, ports, peer_cidr, peer_group_id"
                + " FROM security_group_rules ORDER BY group_id, direction, position").executeQuery()) {
            while (rs.next()) {
                String cidr = rs.getString(5);
                RulePeer peer = cidr != null ? RulePeer.of(Codes.prefix(cidr))
                        : RulePeer.of(SecurityGroupId.securityGroupId(rs.getString(6)));
                Rule rule = new Rule(Protocol.parse(rs.getString(3)), PortSet.parse(rs.getString(4)), peer);
                String direction = rs.getString(2);
                Map<String, List<Rule>> side = switch (direction) {
                    case Codes.INGRESS -> ingress;
                    case Codes.EGRESS -> egress;
                    default -> throw new IllegalArgumentException("'" + direction + "' is not a rule direction");
                };
                side.computeIfAbsent(rs.getString(1), g -> new ArrayList<>()).add(rule);
            }
        }
        for (SecurityGroup group : list("SELECT id, partition_id, description FROM security_groups ORDER BY id",
                rs -> new SecurityGroup(SecurityGroupId.securityGroupId(rs.getString(1)),
                        PartitionId.partitionId(rs.getString(2)), rs.getString(3),
                        ingress.getOrDefault(rs.getString(1), List.of()),
                        egress.getOrDefault(rs.getString(1), List.of())))) {
            builder.putSecurityGroup(group);
        }

        Map<String, List<PhysicalNic>> nics = grouped("SELECT platform_id, nic_id, mac, up FROM platform_nics"
                + " ORDER BY platform_id, position", rs -> new PhysicalNic(NicId.nicId(rs.getString(2)),
                MacAddress.parse(rs.getString(3)), rs.getBoolean(4)));
        for (ServicePlatform platform : list("SELECT id, zone, capacity FROM platforms ORDER BY id",
                rs -> new ServicePlatform(PlatformId.platformId(rs.getString(1)), rs.getString(2), rs.getInt(3),
                        nics.getOrDefault(rs.getString(1), List.of())))) {
            builder.putPlatform(platform);
        }

        Map<String, Map<String, String>> instanceTags = tags("SELECT instance_id, tag_key, tag_value FROM instance_tags");
        for (ResourceInstance instance : list("SELECT id, owner_id, instance_type, zone, platform_id, state"
                + " FROM instances ORDER BY id", rs -> new ResourceInstance(InstanceId.instanceId(rs.getString(1)),
                PrincipalId.principalId(rs.getString(2)), rs.getString(3), rs.getString(4),
                Optional.ofNullable(rs.getString(5)).map(PlatformId::platformId), InstanceState.parse(rs.getString(6)),
                instanceTags.getOrDefault(rs.getString(1), Map.of())))) {
            builder.putInstance(instance);
        }

        readInterfaces(builder);

        for (Attachment attachment : list("SELECT id, interface_id, instance_id, attacher_id, device_index,"
                + " delete_on_termination FROM attachments ORDER BY id", rs -> new Attachment(
                AttachmentId.attachmentId(rs.getString(1)), InterfaceId.interfaceId(rs.getString(2)),
                InstanceId.instanceId(rs.getString(3)), PrincipalId.principalId(rs.getString(4)), rs.getInt(5),
                rs.getBoolean(6)))) {
            builder.putAttachment(attachment);
        }

        Standing standing = standing();
        return builder.version(standing.version()).idSequence(standing.idSequence()).build();
    }

    /** Where a lab stands: the version of its newest journal entry and the id counter after it. */
    record Standing(long version, long idSequence) {
    }

    /** Where the lab stands, read from its newest journal entry; a lab without one is at version 0. */
    Standing standing() throws SQLException {
        try (ResultSet rs = statements.get("SELECT version, id_sequence FROM journal ORDER BY version DESC"
                + " FETCH FIRST 1 ROW ONLY").executeQuery()) {
            return rs.next() ? new Standing(rs.getLong(1), rs.getLong(2)) : new Standing(0, 0);
        }
    }

    private void readInterfaces(Topology.Builder builder) throws SQLException {
        Map<String, List<Ipv4Address>> privateIps = grouped("SELECT interface_id, address FROM interface_private_ips"
                + " ORDER BY interface_id, position", rs -> Ipv4Address.parse(rs.getString(2)));
        Map<String, List<PublicAddress>> publicIps = grouped("SELECT interface_id, public_ip, private_ip"
                + " FROM interface_public_ips ORDER BY interface_id, position", rs -> new PublicAddress(
                Ipv4Address.parse(rs.getString(2)), Ipv4Address.parse(rs.getString(3))));
        Map<String, List<SecurityGroupId>> groups = grouped("SELECT interface_id, group_id"
                + " FROM interface_security_groups ORDER BY interface_id, position",
                rs -> SecurityGroupId.securityGroupId(rs.getString(2)));
        Map<String, List<PrincipalId>> attachers = grouped("SELECT interface_id, principal_id FROM interface_attachers"
                + " ORDER BY interface_id, principal_id", rs -> PrincipalId.principalId(rs.getString(2)));
        Map<String, List<PrincipalId>> ipSetters = grouped("SELECT interface_id, principal_id FROM interface_ip_setters"
                + " ORDER BY interface_id, principal_id", rs -> PrincipalId.principalId(rs.getString(2)));
        Map<String, Map<String, String>> tags = tags("SELECT interface_id, tag_key, tag_value FROM interface_tags");

        for (InterfaceRecord record : list("SELECT id, description, partition_id, zone, subnet_id, owner_id,"
                + " source_dest_check, billing_principal_id, vlan, multi_attach, requester_managed"
                + " FROM interfaces ORDER BY id", rs -> {
                    String id = rs.getString(1);
                    Integer vlan = rs.getObject(9, Integer.class);
                    return new InterfaceRecord(InterfaceId.interfaceId(id), rs.getString(2),
                            PartitionId.partitionId(rs.getString(3)), rs.getString(4), SubnetId.subnetId(rs.getString(5)),
                            privateIps.getOrDefault(id, List.of()), publicIps.getOrDefault(id, List.of()),
                            groups.getOrDefault(id, List.of()), new TreeSet<>(attachers.getOrDefault(id, List.of())),
                            new TreeSet<>(ipSetters.getOrDefault(id, List.of())), PrincipalId.principalId(rs.getString(6)),
                            rs.getBoolean(7), PrincipalId.principalId(rs.getString(8)),
                            tags.getOrDefault(id, Map.of()), vlan == null ? OptionalInt.empty() : OptionalInt.of(vlan),
                            rs.getBoolean(10), rs.getBoolean(11));
                })) {
            builder.putInterface(record);
        }
    }

    private <T> List<T> list(String sql, Row<T> row) throws SQLException {
        List<T> out = new ArrayList<>();
        try (ResultSet rs = statements.get(sql).executeQuery()) {
            while (rs.next()) {
                out.add(row.read(rs));
            }
        }
        return out;
    }

    /** Rows whose first column names their owner, grouped by it in query order. */
    private <T> Map<String, List<T>> grouped(String sql, Row<T> row) throws SQLException {
        Map<String, List<T>> out = new HashMap<>();
        try (ResultSet rs = statements.get(sql).executeQuery()) {
            while (rs.next()) {
                out.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(row.read(rs));
            }
        }
        return out;
    }

    private Map<String, Map<String, String>> tags(String sql) throws SQLException {
        Map<String, Map<String, String>> out = new HashMap<>();
        try (ResultSet rs = statements.get(sql).executeQuery()) {
            while (rs.next()) {
                out.computeIfAbsent(rs.getString(1), k -> new TreeMap<>()).put(rs.getString(2), rs.getString(3));
            }
        }
        return out;
    }
}
