package org.viflab.store;

import static org.viflab.store.Statements.bind;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.viflab.model.Attachment;
import org.viflab.model.AttachmentId;
import org.viflab.model.InstanceId;
import org.viflab.model.InterfaceId;
import org.viflab.model.InterfaceRecord;
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
import org.viflab.model.SecurityGroup;
import org.viflab.model.SecurityGroupId;
import org.viflab.model.ServicePlatform;
import org.viflab.model.Subnet;
import org.viflab.model.SubnetId;
import org.viflab.model.Topology;
import org.viflab.net.Ipv4Address;

/**
 * Turns the objects a change touched into batched statements: each touched id is written as it is
 * in the new snapshot, or deleted when the snapshot no longer has it.
 *
 * <p>The statements run in four stages so that the order of {@code touched} does not matter: the
 * old rows of every object being rewritten go first, then deleted objects (their own rows follow
 * by cascade), then the objects' main rows, then their rows in order. Into a lab that has nothing
 * stored yet (its first commit, e.g. a whole scenario's topology) the rows are inserted outright,
 * with no old rows to clear and no lookup of an existing row.
 */
final class TopologyWriter {

    private enum Stage { CLEAR_ROWS, DELETE, UPSERT, INSERT_ROWS }

    /**
     * The statements that write an object's main row, keyed by {@code id}: MERGE when the row may be
     * there already, INSERT into a lab that has nothing stored yet (cheaper: no lookup first).
     */
    private record KeyedRow(String merge, String insert) {
        static KeyedRow of(String table, String columns) {
            return new KeyedRow("MERGE INTO " + table + " (" + columns + ") KEY (id) VALUES (" + marks(columns) + ")",
                    "INSERT INTO " + table + " (" + columns + ") VALUES (" + marks(columns) + ")");
        }

        private static String marks(String columns) {
            return String.join(", ", java.util.Collections.nCopies(columns.split(",").length, "?"));
        }
    }

    private static final KeyedRow PARTITIONS = KeyedRow.of("partitions",
            "id, owner_id, cidr, internet_gateway, vpn_on_premises, default_group_id");
    private static final KeyedRow SUBNETS = KeyedRow.of("subnets", "id, partition_id, cidr, zone");
    private static final KeyedRow SECURITY_GROUPS = KeyedRow.of("security_groups", "id, partition_id, description");
    private static final KeyedRow PLATFORMS = KeyedRow.of("platforms", "id, zone, capacity");
    private static final KeyedRow INSTANCES = KeyedRow.of("instances",
            "id, owner_id, instance_type, zone, platform_id, state");
    private static final KeyedRow INTERFACES = KeyedRow.of("interfaces",
            "id, description, partition_id, zone, subnet_id, owner_id, source_dest_check,"
            + " billing_principal_id, vlan, multi_attach, requester_managed");
    private static final KeyedRow ATTACHMENTS = KeyedRow.of("attachments",
            "id, interface_id, instance_id, attacher_id, device_index, delete_on_termination");

    private final Statements statements;
    private final Map<Stage, Set<PreparedStatement>> pending = new EnumMap<>(Stage.class);
    /** Whether the queued writes go into a lab that has no objects stored yet. */
    private boolean fresh;

    TopologyWriter(Statements statements) {
        this.statements = statements;
    }

    /**
     * Queues the writes for {@code touched}; nothing reaches the database until {@link #execute()}.
     *
     * @throws IllegalArgumentException if an id is not of a kind the lab stores (then nothing is queued)
     */
    void queue(Topology after, Set<Object> touched, boolean intoEmptyLab) throws SQLException {
        fresh = intoEmptyLab;
        try {
            for (Object id : touched) {
                queue(after, id);
            }
        } catch (RuntimeException | SQLException e) {
            discard();
            throw e;
        }
    }

    /** Runs the queued batches, stage by stage. */
    void execute() throws SQLException {
        try {
            for (Stage stage : Stage.values()) {
                Set<PreparedStatement> batches = pending.get(stage);
                if (batches != null) {
                    for (PreparedStatement statement : batches) {
                        statement.executeBatch();
                    }
                }
            }
        } finally {
            discard();
        }
    }

    /** Drops whatever is queued (after a failure). */
    void discard() {
        for (Set<PreparedStatement> batches : pending.values()) {
            for (PreparedStatement statement : batches) {
                try {
                    statement.clearBatch();
                } catch (SQLException ignored) {
                    // The transaction is rolled back anyway; a stale batch only matters if the
                    // statement is reused, and clearBatch failing means the connection is gone.
                }
            }
        }
        pending.clear();
    }

    /** Writes an object's main row. */
    private void put(KeyedRow row, Object... values) throws SQLException {
        add(Stage.UPSERT, fresh ? row.insert() : row.merge(), values);
    }

    /** Deletes an object's rows before they are written again; a lab with nothing stored has none. */
    private void clear(String sql, Object id) throws SQLException {
        if (!fresh) {
            add(Stage.CLEAR_ROWS, sql, id);
        }
    }

    private void add(Stage stage, String sql, Object... values) throws SQLException {
        PreparedStatement statement = bind(statements.get(sql), values);
        statement.addBatch();
        pending.computeIfAbsent(stage, s -> new LinkedHashSet<>()).add(statement);
    }

    private void queue(Topology after, Object id) throws SQLException {
        if (id instanceof PrincipalId principal) {
            if (after.principals().contains(principal)) {
                add(Stage.UPSERT, "MERGE INTO principals (id) KEY (id) VALUES (?)", principal.value());
            } else {
                add(Stage.DELETE, "DELETE FROM principals WHERE id = ?", principal.value());
            }
        } else if (id instanceof PartitionId partition) {
            Partition value = after.partitions().get(partition);
            if (value == null) {
                add(Stage.DELETE, "DELETE FROM partitions WHERE id = ?", partition.value());
            } else {
                putPartition(value);
            }
        } else if (id instanceof SubnetId subnet) {
            Subnet value = after.subnets().get(subnet);
            if (value == null) {
                add(Stage.DELETE, "DELETE FROM subnets WHERE id = ?", subnet.value());
            } else {
                putSubnet(value);
            }
        } else if (id instanceof SecurityGroupId group) {
            SecurityGroup value = after.securityGroups().get(group);
            if (value == null) {
                add(Stage.DELETE, "DELETE FROM security_groups WHERE id = ?", group.value());
            } else {
                putSecurityGroup(value);
            }
        } else if (id instanceof PlatformId platform) {
            ServicePlatform value = after.platforms().get(platform);
            if (value == null) {
                add(Stage.DELETE, "DELETE FROM platforms WHERE id = ?", platform.value());
            } else {
                putPlatform(value);
            }
        } else if (id instanceof InstanceId instance) {
            ResourceInstance value = after.instances().get(instance);
            if (value == null) {
                add(Stage.DELETE, "DELETE FROM instances WHERE id = ?", instance.value());
            } else {
                putInstance(value);
            }
        } else if (id instanceof InterfaceId iface) {
            InterfaceRecord value = after.interfaces().get(iface);
            if (value == null) {
                add(Stage.DELETE, "DELETE FROM interfaces WHERE id = ?", iface.value());
            } else {
                putInterface(value);
            }
        } else if (id instanceof AttachmentId attachment) {
            Attachment value = after.attachments().get(attachment);
            if (value == null) {
                add(Stage.DELETE, "DELETE FROM attachments WHERE id = ?", attachment.value());
            } else {
                putAttachment(value);
            }
        } else {
            throw new IllegalArgumentException("the lab stores no objects of kind "
                    + (id == null ? "null" : id.getClass().getName() + " (touched id " + id + ")"));
        }
    }

    private void putPartition(Partition p) throws SQLException {
        put(PARTITIONS,
                p.id().value(), p.owner().value(), p.cidr().toString(), p.internetGateway(),
                p.vpnOnPremises().map(Object::toString).orElse(null), p.defaultGroup().value());
    }

    private void putSubnet(Subnet s) throws SQLException {
        String id = s.id().value();
        clear("DELETE FROM subnet_routes WHERE subnet_id = ?", id);
        put(SUBNETS,
                id, s.partition().value(), s.cidr().toString(), s.zone());
        List<Route> routes = s.routes();
        for (int i = 0; i < routes.size(); i++) {
            Route route = routes.get(i);
            RouteTarget via = route.via();
            add(Stage.INSERT_ROWS, "INSERT INTO subnet_routes (subnet_id, position, destination, target_kind,"
                            + " target_interface_id) VALUES (?, ?, ?, ?, ?)",
                    id, i, route.to().toString(), Codes.of(via.kind()),
                    via.applianceInterface().map(InterfaceId::value).orElse(null));
        }
    }

    private void putSecurityGroup(SecurityGroup g) throws SQLException {
        String id = g.id().value();
        clear("DELETE FROM security_group_rules WHERE group_id = ?", id);
        put(SECURITY_GROUPS,
                id, g.partition().value(), g.description());
        putRules(id, Codes.INGRESS, g.ingress());
        putRules(id, Codes.EGRESS, g.egress());
    }

    private void putRules(String group, String direction, List<Rule> rules) throws SQLException {
        for (int i = 0; i < rules.size(); i++) {
            Rule rule = rules.get(i);
            add(Stage.INSERT_ROWS, "INSERT INTO security_group_rules (group_id, direction, position, protocol,"
                            + " ports, peer_cidr, peer_group_id) VALUES (?, ?, ?, ?, ?, ?, ?)",
                    group, direction, i, rule.protocol().toString(), rule.ports().toString(),
                    rule.peer().isGroup() ? null : rule.peer().cidr().toString(),
                    rule.peer().isGroup() ? rule.peer().group().value() : null);
        }
    }

    private void putPlatform(ServicePlatform p) throws SQLException {
        String id = p.id().value();
        clear("DELETE FROM platform_nics WHERE platform_id = ?", id);
        put(PLATFORMS,
                id, p.zone(), p.capacity());
        List<PhysicalNic> nics = p.nics();
        for (int i = 0; i < nics.size(); i++) {
            PhysicalNic nic = nics.get(i);
            add(Stage.INSERT_ROWS, "INSERT INTO platform_nics (platform_id, position, nic_id, mac, up)"
                    + " VALUES (?, ?, ?, ?, ?)", id, i, nic.id().value(), nic.mac().toString(), nic.up());
        }
    }

    private void putInstance(ResourceInstance r) throws SQLException {
        String id = r.id().value();
        clear("DELETE FROM instance_tags WHERE instance_id = ?", id);
        put(INSTANCES,
                id, r.owner().value(), r.type(), r.zone(), r.platform().map(PlatformId::value).orElse(null),
                r.state().toString());
        for (Map.Entry<String, String> tag : r.tags().entrySet()) {
            add(Stage.INSERT_ROWS, "INSERT INTO instance_tags (instance_id, tag_key, tag_value) VALUES (?, ?, ?)",
                    id, tag.getKey(), tag.getValue());
        }
    }

    private void putInterface(InterfaceRecord r) throws SQLException {
        String id = r.id().value();
        clear("DELETE FROM interface_private_ips WHERE interface_id = ?", id);
        clear("DELETE FROM interface_public_ips WHERE interface_id = ?", id);
        clear("DELETE FROM interface_security_groups WHERE interface_id = ?", id);
        clear("DELETE FROM interface_attachers WHERE interface_id = ?", id);
        clear("DELETE FROM interface_ip_setters WHERE interface_id = ?", id);
        clear("DELETE FROM interface_tags WHERE interface_id = ?", id);
        put(INTERFACES,
                id, r.description(), r.partition().value(), r.zone(), r.subnet().value(), r.owner().value(),
                r.sourceDestCheck(), r.billingPrincipal().value(),
                r.vlan().isPresent() ? r.vlan().getAsInt() : null, r.multiAttach(), r.requesterManaged());
        List<Ipv4Address> privateIps = r.privateIps();
        for (int i = 0; i < privateIps.size(); i++) {
            add(Stage.INSERT_ROWS, "INSERT INTO interface_private_ips (interface_id, position, address)"
                    + " VALUES (?, ?, ?)", id, i, privateIps.get(i).toString());
        }
        List<PublicAddress> publicIps = r.publicIps();
        for (int i = 0; i < publicIps.size(); i++) {
            PublicAddress pub = publicIps.get(i);
            add(Stage.INSERT_ROWS, "INSERT INTO interface_public_ips (interface_id, position, public_ip, private_ip)"
                    + " VALUES (?, ?, ?, ?)", id, i, pub.publicIp().toString(), pub.privateIp().toString());
        }
        List<SecurityGroupId> groups = r.securityGroups();
        for (int i = 0; i < groups.size(); i++) {
            add(Stage.INSERT_ROWS, "INSERT INTO interface_security_groups (interface_id, position, group_id)"
                    + " VALUES (?, ?, ?)", id, i, groups.get(i).value());
        }
        for (PrincipalId attacher : r.attachers()) {
            add(Stage.INSERT_ROWS, "INSERT INTO interface_attachers (interface_id, principal_id) VALUES (?, ?)",
                    id, attacher.value());
        }
        for (PrincipalId setter : r.ipSetters()) {
            add(Stage.INSERT_ROWS, "INSERT INTO interface_ip_setters (interface_id, principal_id) VALUES (?, ?)",
                    id, setter.value());
        }
        for (Map.Entry<String, String> tag : r.tags().entrySet()) {
            add(Stage.INSERT_ROWS, "INSERT INTO interface_tags (interface_id, tag_key, tag_value) VALUES (?, ?, ?)",
                    id, tag.getKey(), tag.getValue());
        }
    }

    private void putAttachment(Attachment a) throws SQLException {
        put(ATTACHMENTS,
                a.id().value(), a.iface().value(), a.instance().value(), a.attacher().value(), a.deviceIndex(),
                a.deleteOnTermination());
    }
}
