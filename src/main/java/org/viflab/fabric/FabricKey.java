package org.viflab.fabric;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.viflab.model.ConfigOperation;
import org.viflab.model.ConfigOperation.GroupOp;
import org.viflab.model.ConfigOperation.GroupsLoadOp;
import org.viflab.model.ConfigOperation.MappingOp;
import org.viflab.model.ConfigOperation.NatOp;
import org.viflab.model.ConfigOperation.NicOp;
import org.viflab.model.ConfigOperation.PartitionOp;
import org.viflab.model.ConfigOperation.PlatformOp;
import org.viflab.model.ConfigOperation.PlugOp;
import org.viflab.model.ConfigOperation.RouterOp;
import org.viflab.model.ConfigOperation.RunOp;
import org.viflab.model.ConfigOperation.SourceDestCheckOp;
import org.viflab.model.Id;
import org.viflab.model.InstanceId;
import org.viflab.model.InterfaceId;
import org.viflab.model.PartitionId;
import org.viflab.model.PlatformId;
import org.viflab.model.SecurityGroupId;
import org.viflab.model.SubnetId;
import org.viflab.net.Ipv4Address;

/**
 * Names a part of the fabric that a reader depended on or an operation changed: a partition's
 * gateways, one address of a partition (its mapping and NAT entries), a public address, a router,
 * a group's rules, a platform (its NICs), an instance (where it runs) or an interface record (its
 * plugs, loaded groups and addresses).
 *
 * <p>Watched flows remember the keys their last trace read; an operation marks dirty exactly the
 * flows that read one of the keys in {@link #touchedBy(ConfigOperation)}.
 *
 * @param id      the object, for every kind but {@link Kind#PUBLIC_ADDRESS}
 * @param address the address, for {@link Kind#ADDRESS} and {@link Kind#PUBLIC_ADDRESS}
 */
public record FabricKey(Kind kind, Id id, Ipv4Address address) {

    /** What part of the fabric a key names. */
    public enum Kind { PARTITION, ADDRESS, PUBLIC_ADDRESS, ROUTER, GROUP, PLATFORM, INSTANCE, INTERFACE }

    public FabricKey {
        Objects.requireNonNull(kind, "kind");
    }

    public static FabricKey partition(PartitionId partition) {
        return new FabricKey(Kind.PARTITION, partition, null);
    }

    public static FabricKey address(PartitionId partition, Ipv4Address address) {
        return new FabricKey(Kind.ADDRESS, partition, address);
    }

    public static FabricKey publicAddress(Ipv4Address address) {
        return new FabricKey(Kind.PUBLIC_ADDRESS, null, address);
    }

    public static FabricKey router(SubnetId subnet) {
        return new FabricKey(Kind.ROUTER, subnet, null);
    }

    public static FabricKey group(SecurityGroupId group) {
        return new FabricKey(Kind.GROUP, group, null);
    }

    public static FabricKey platform(PlatformId platform) {
        return new FabricKey(Kind.PLATFORM, platform, null);
    }

    public static FabricKey instance(InstanceId instance) {
        return new FabricKey(Kind.INSTANCE, instance, null);
    }

    public static FabricKey iface(InterfaceId iface) {
        return new FabricKey(Kind.INTERFACE, iface, null);
    }

    /** The keys whose entries an operation sets or removes. */
    public static List<FabricKey> touchedBy(ConfigOperation op) {
        List<FabricKey> keys = new ArrayList<>(4);
        if (op instanceof PartitionOp p) {
            keys.add(partition(p.partition()));
        } else if (op instanceof RouterOp r) {
            keys.add(router(r.subnet()));
        } else if (op instanceof GroupOp g) {
            keys.add(group(g.group()));
        } else if (op instanceof MappingOp m) {
            keys.add(address(m.partition(), m.address()));
            keys.add(iface(m.iface()));
            // The instances named: a new attachment changes how "from: <instance>" resolves.
            for (InstanceId instance : m.instances()) {
                keys.add(instance(instance));
            }
        } else if (op instanceof NatOp n) {
            keys.add(address(n.partition(), n.privateIp()));
            keys.add(publicAddress(n.publicIp()));
        } else if (op instanceof PlatformOp p) {
            keys.add(platform(p.platform()));
        } else if (op instanceof NicOp n) {
            keys.add(platform(n.platform()));
        } else if (op instanceof RunOp r) {
            keys.add(instance(r.instance()));
        } else if (op instanceof PlugOp p) {
            keys.add(iface(p.iface()));
            keys.add(instance(p.instance()));
        } else if (op instanceof GroupsLoadOp g) {
            keys.add(iface(g.iface()));
        } else if (op instanceof SourceDestCheckOp s) {
            keys.add(iface(s.iface()));
        }
        return keys;
    }

    @Override
    public String toString() {
        return kind.name().toLowerCase(java.util.Locale.ROOT) + ":" + (id == null ? "" : id.value())
                + (address == null ? "" : (id == null ? "" : "/") + address);
    }
}
