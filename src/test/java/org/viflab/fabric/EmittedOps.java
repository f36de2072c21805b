package org.viflab.fabric;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.viflab.model.Attachment;
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
import org.viflab.model.InstanceId;
import org.viflab.model.InterfaceRecord;
import org.viflab.model.Partition;
import org.viflab.model.PhysicalNic;
import org.viflab.model.PublicAddress;
import org.viflab.model.ResourceInstance;
import org.viflab.model.Route;
import org.viflab.model.SecurityGroup;
import org.viflab.model.ServicePlatform;
import org.viflab.model.Subnet;
import org.viflab.model.Topology;
import org.viflab.net.Ipv4Address;

/**
 * The configuration operations that build a topology from nothing, in the order the coordinator
 * emits them when the topology's objects are created one by one. Written from the emission rules,
 * independently of {@link Fabric#compile}, which it is checked against.
 */
final class EmittedOps {

    private EmittedOps() {
    }

    static List<ConfigOperation> of(Topology t) {
        List<ConfigOperation> ops = new ArrayList<>();
        for (Partition p : t.partitions().values()) {
            ops.add(new PartitionOp(p.id(), true, p.cidr(), p.internetGateway(), p.vpnOnPremises().orElse(null)));
            SecurityGroup d = t.securityGroup(p.defaultGroup()).orElseGet(() -> Fabric.defaultGroup(p));
            ops.add(new GroupOp(p.id(), d.id(), true, d.ingress(), d.egress()));
        }
        for (Subnet s : t.subnets().values()) {
            Partition p = t.partitions().get(s.partition());
            ops.add(new RouterOp(s.id(), s.partition(), RouterOp.Kind.CREATE, s.cidr(), null));
            for (Route r : s.effectiveRoutes(p.cidr())) {
                ops.add(new RouterOp(s.id(), s.partition(), RouterOp.Kind.ROUTE, r.to(), r.via()));
            }
        }
        for (SecurityGroup g : t.securityGroups().values()) {
            ops.add(new GroupOp(g.partition(), g.id(), true, g.ingress(), g.egress()));
        }
        for (ServicePlatform p : t.platforms().values()) {
            // A platform is added with its NICs up; NICs that are down get a nic-down afterwards.
            ops.add(new PlatformOp(p.id(), p.zone(), p.nics().stream().map(n -> n.withUp(true)).toList()));
            for (PhysicalNic n : p.nics()) {
                if (!n.up()) {
                    ops.add(new NicOp(p.id(), n.id(), false));
                }
            }
        }
        for (InterfaceRecord r : t.interfaces().values()) {
            TreeSet<InstanceId> attached = new TreeSet<>();
            for (Attachment a : t.attachmentsOf(r.id())) {
                attached.add(a.instance());
            }
            for (Ipv4Address ip : r.privateIps()) {
                ops.add(new MappingOp(r.partition(), true, ip, r.id(), List.copyOf(attached)));
            }
            for (PublicAddress pub : r.publicIps()) {
                ops.add(new NatOp(r.partition(), true, pub.publicIp(), pub.privateIp()));
            }
        }
        for (ResourceInstance i : t.instances().values()) {
            if (!i.isActive()) {
                continue;
            }
            ServicePlatform p = t.platforms().get(i.platform().get());
            ops.add(new RunOp(p.id(), i.id(), true));
            for (Attachment a : t.attachmentsOn(i.id())) {
                InterfaceRecord r = t.interfaces().get(a.iface());
                PhysicalNic nic = p.nicFor(a.deviceIndex());
                ops.add(new PlugOp(p.id(), true, r.id(), i.id(), a.deviceIndex(), nic.id(), nic.mac(), r.partition(),
                        r.subnet(), r.sourceDestCheck()));
                ops.add(new GroupsLoadOp(p.id(), true, r.id(), r.securityGroups()));
            }
        }
        return ops;
    }
}
