package org.viflab.model;

import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import org.viflab.net.Ipv4Address;
import org.viflab.net.Ipv4Prefix;
import org.viflab.net.MacAddress;

/**
 * One configuration operation that the coordinator initiates and the fabric applies, printed as
 * {@code <target> <action> <detail>} (e.g. {@code hypervisor@host-b plug vif-7 vm-2 nic-b1 02:00:00:00:0b:01}).
 *
 * <p>Every operation states the whole new value of the entry it sets (a mapping entry lists all the
 * instances of a multi-attach record, a plug carries the interface's subnet and source/destination
 * check), so applying an operation twice gives the same device table.
 */
public sealed interface ConfigOperation {

    /** The device table the operation programs, e.g. {@code mapping@vpc-a}. */
    String target();

    /** What it does there, e.g. {@code map}. */
    String action();

    /** The entry, e.g. {@code 10.0.1.9 vif-7 vm-2}. */
    String detail();

    /** {@code <target> <action>}: what scenario {@code configOps} expectations compare. */
    default String summary() {
        return target() + " " + action();
    }

    /** {@code <target> <action> <detail>}. */
    default String text() {
        String detail = detail();
        return detail.isEmpty() ? summary() : target() + " " + action() + " " + detail;
    }

    private static String list(List<? extends Object> items) {
        return items.stream().map(Object::toString).collect(Collectors.joining(", ", "[", "]"));
    }

    /** A partition's gateways come into being or go away ({@code partition@vpc-a create}). */
    record PartitionOp(PartitionId partition, boolean create, Ipv4Prefix cidr, boolean internetGateway,
                       Ipv4Prefix vpnOnPremises) implements ConfigOperation {
        public PartitionOp {
            Objects.requireNonNull(partition, "partition");
            Objects.requireNonNull(cidr, "cidr");
        }

        @Override
        public String target() {
            return "partition@" + partition;
        }

        @Override
        public String action() {
            return create ? "create" : "delete";
        }

        @Override
        public String detail() {
            if (!create) {
                return cidr.toString();
            }
            return cidr + (internetGateway ? " igw" : "") + (vpnOnPremises != null ? " vpn " + vpnOnPremises : "");
        }
    }

    /** A subnet's router: created with the subnet, then given routes. */
    record RouterOp(SubnetId subnet, PartitionId partition, Kind kind, Ipv4Prefix cidr, RouteTarget via)
            implements ConfigOperation {
        public enum Kind { CREATE, DELETE, ROUTE, UNROUTE }

        public RouterOp {
            Objects.requireNonNull(subnet, "subnet");
            Objects.requireNonNull(partition, "partition");
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(cidr, "cidr");
            if ((kind == Kind.ROUTE) != (via != null)) {
                throw new IllegalArgumentException("a route operation, and only it, names its target");
            }
        }

        @Override
        public String target() {
            return "router@" + subnet;
        }

        @Override
        public String action() {
            return kind.name().toLowerCase(java.util.Locale.ROOT);
        }

        @Override
        public String detail() {
            return switch (kind) {
                case CREATE, DELETE -> cidr + " " + partition;
                case ROUTE -> cidr + " " + via;
                case UNROUTE -> cidr.toString();
            };
        }
    }

    /** The rules of a security group, as every hypervisor of the partition enforces them. */
    record GroupOp(PartitionId partition, SecurityGroupId group, boolean define, List<Rule> ingress,
                   List<Rule> egress) implements ConfigOperation {
        public GroupOp {
            Objects.requireNonNull(partition, "partition");
            Objects.requireNonNull(group, "group");
            ingress = List.copyOf(ingress);
            egress = List.copyOf(egress);
        }

        @Override
        public String target() {
            return "groups@" + partition;
        }

        @Override
        public String action() {
            return define ? "define" : "undefine";
        }

        @Override
        public String detail() {
            return define ? group + " in " + list(ingress) + " out " + list(egress) : group.toString();
        }
    }

    /**
     * Who owns a private address of a partition and which instances it is attached to (none: the
     * record is detached). {@code unmap} frees the address.
     */
    record MappingOp(PartitionId partition, boolean map, Ipv4Address address, InterfaceId iface,
                     List<InstanceId> instances) implements ConfigOperation {
        public MappingOp {
            Objects.requireNonNull(partition, "partition");
            Objects.requireNonNull(address, "address");
            Objects.requireNonNull(iface, "iface");
            instances = List.copyOf(instances);
        }

        @Override
        public String target() {
            return "mapping@" + partition;
        }

        @Override
        public String action() {
            return map ? "map" : "unmap";
        }

        @Override
        public String detail() {
            if (!map) {
                return address + " " + iface;
            }
            if (instances.isEmpty()) {
                return address + " " + iface + " -";
            }
            StringBuilder text = new StringBuilder().append(address).append(' ').append(iface).append(' ');
            for (int i = 0; i < instances.size(); i++) {
                text.append(i == 0 ? "" : ",").append(instances.get(i).value());
            }
            return text.toString();
        }
    }

    /** A public address at the partition's internet gateway, translated to a private one. */
    record NatOp(PartitionId partition, boolean nat, Ipv4Address publicIp, Ipv4Address privateIp)
            implements ConfigOperation {
        public NatOp {
            Objects.requireNonNull(partition, "partition");
            Objects.requireNonNull(publicIp, "publicIp");
            Objects.requireNonNull(privateIp, "privateIp");
        }

        @Override
        public String target() {
            return "nat@" + partition;
        }

        @Override
        public String action() {
            return nat ? "nat" : "unnat";
        }

        @Override
        public String detail() {
            return publicIp + " " + privateIp;
        }
    }

    /** A platform joins the fabric with its physical NICs. */
    record PlatformOp(PlatformId platform, String zone, List<PhysicalNic> nics) implements ConfigOperation {
        public PlatformOp {
            Objects.requireNonNull(platform, "platform");
            Objects.requireNonNull(zone, "zone");
            nics = List.copyOf(nics);
        }

        @Override
        public String target() {
            return "hypervisor@" + platform;
        }

        @Override
        public String action() {
            return "add";
        }

        @Override
        public String detail() {
            return zone + " " + nics.stream().map(n -> n.id() + "=" + n.mac() + (n.up() ? "" : "(down)"))
                    .collect(Collectors.joining(" "));
        }
    }

    /** A physical NIC goes up or down. */
    record NicOp(PlatformId platform, NicId nic, boolean up) implements ConfigOperation {
        public NicOp {
            Objects.requireNonNull(platform, "platform");
            Objects.requireNonNull(nic, "nic");
        }

        @Override
        public String target() {
            return "hypervisor@" + platform;
        }

        @Override
        public String action() {
            return up ? "nic-up" : "nic-down";
        }

        @Override
        public String detail() {
            return nic.toString();
        }
    }

    /** The hypervisor starts ({@code run}) or stops ({@code halt}) an instance. */
    record RunOp(PlatformId platform, InstanceId instance, boolean run) implements ConfigOperation {
        public RunOp {
            Objects.requireNonNull(platform, "platform");
            Objects.requireNonNull(instance, "instance");
        }

        @Override
        public String target() {
            return "hypervisor@" + platform;
        }

        @Override
        public String action() {
            return run ? "run" : "halt";
        }

        @Override
        public String detail() {
            return instance.toString();
        }
    }

    /**
     * The hypervisor plugs an interface record into an instance over a physical NIC (or unplugs it).
     * The plug also carries what the hypervisor enforces for the record: its subnet, partition and
     * source/destination check.
     */
    record PlugOp(PlatformId platform, boolean plug, InterfaceId iface, InstanceId instance, int deviceIndex,
                  NicId nic, MacAddress mac, PartitionId partition, SubnetId subnet, boolean sourceDestCheck)
            implements ConfigOperation {
        public PlugOp {
            Objects.requireNonNull(platform, "platform");
            Objects.requireNonNull(iface, "iface");
            Objects.requireNonNull(instance, "instance");
            Objects.requireNonNull(nic, "nic");
            Objects.requireNonNull(mac, "mac");
            Objects.requireNonNull(partition, "partition");
            Objects.requireNonNull(subnet, "subnet");
        }

        @Override
        public String target() {
            return "hypervisor@" + platform;
        }

        @Override
        public String action() {
            return plug ? "plug" : "unplug";
        }

        @Override
        public String detail() {
            return iface + " " + instance + " " + nic + " " + mac;
        }
    }

    /** The security groups a hypervisor enforces for a plugged interface record. */
    record GroupsLoadOp(PlatformId platform, boolean load, InterfaceId iface, List<SecurityGroupId> groups)
            implements ConfigOperation {
        public GroupsLoadOp {
            Objects.requireNonNull(platform, "platform");
            Objects.requireNonNull(iface, "iface");
            groups = List.copyOf(groups);
        }

        @Override
        public String target() {
            return "hypervisor@" + platform;
        }

        @Override
        public String action() {
            return load ? "load-groups" : "unload-groups";
        }

        @Override
        public String detail() {
            return iface + " " + list(groups);
        }
    }

    /** The source/destination check of a plugged record is switched on or off at its hypervisor. */
    record SourceDestCheckOp(PlatformId platform, InterfaceId iface, boolean on) implements ConfigOperation {
        public SourceDestCheckOp {
            Objects.requireNonNull(platform, "platform");
            Objects.requireNonNull(iface, "iface");
        }

        @Override
        public String target() {
            return "hypervisor@" + platform;
        }

        @Override
        public String action() {
            return "source-dest-check";
        }

        @Override
        public String detail() {
            return iface + (on ? " on" : " off");
        }
    }
}
