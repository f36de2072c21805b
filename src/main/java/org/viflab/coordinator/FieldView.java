package org.viflab.coordinator;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.viflab.model.Attachment;
import org.viflab.model.AttachmentStatus;
import org.viflab.model.InterfaceRecord;
import org.viflab.model.InterfaceStatus;
import org.viflab.model.Partition;
import org.viflab.model.PhysicalNic;
import org.viflab.model.PublicAddress;
import org.viflab.model.ResourceInstance;
import org.viflab.model.Route;
import org.viflab.model.Rule;
import org.viflab.model.SecurityGroup;
import org.viflab.model.ServicePlatform;
import org.viflab.model.Subnet;
import org.viflab.model.Topology;

/**
 * The one field vocabulary that {@code describe}, scenario {@code fields} expectations and the GUI
 * inspector share: the topology keys of each kind plus derived fields (status, attached instances,
 * MAC addresses, free addresses, …). Values are strings, booleans, numbers, and lists and maps of them.
 */
public final class FieldView {

    private final Topology topology;
    private final PropagationView propagation;

    public FieldView(Topology topology, PropagationView propagation) {
        this.topology = topology;
        this.propagation = propagation;
    }

    /** Status of an attachment: {@code attaching} while an operation of its attach is still queued. */
    public AttachmentStatus status(Attachment attachment) {
        return propagation.attaching(attachment.id()) ? AttachmentStatus.ATTACHING : AttachmentStatus.ATTACHED;
    }

    /** Status of a record, from its attachments and what is still propagating. */
    public InterfaceStatus status(InterfaceRecord record) {
        return status(record, topology.attachmentsOf(record.id()));
    }

    private InterfaceStatus status(InterfaceRecord record, List<Attachment> attachments) {
        if (attachments.stream().anyMatch(a -> propagation.attaching(a.id()))) {
            return InterfaceStatus.ATTACHING;
        }
        if (!attachments.isEmpty()) {
            return InterfaceStatus.IN_USE;
        }
        return propagation.detaching(record.id()) ? InterfaceStatus.DETACHING : InterfaceStatus.AVAILABLE;
    }

    /**
     * MACs of the physical NICs carrying the record: one per attachment whose instance is running
     * and placed and whose plug is no longer queued.
     */
    public List<String> macAddresses(InterfaceRecord record) {
        return macAddresses(topology.attachmentsOf(record.id()));
    }

    private List<String> macAddresses(List<Attachment> attachments) {
        List<String> macs = new ArrayList<>();
        for (Attachment attachment : attachments) {
            ResourceInstance instance = topology.instances().get(attachment.instance());
            if (instance != null && instance.isActive() && !propagation.attaching(attachment.id())
                    && !propagation.plugQueued(attachment.iface(), instance.id())) {
                ServicePlatform platform = topology.platforms().get(instance.platform().get());
                String mac = platform.nicFor(attachment.deviceIndex()).mac().toString();
                if (!macs.contains(mac)) {
                    macs.add(mac);
                }
            }
        }
        return macs;
    }

    public Map<String, Object> of(InterfaceRecord r) {
        Map<String, Object> f = new LinkedHashMap<>(32);
        f.put("id", r.id().value());
        f.put("description", r.description());
        f.put("partition", r.partition().value());
        f.put("zone", r.zone());
        f.put("subnet", r.subnet().value());
        f.put("privateIps", strings(r.privateIps()));
        f.put("publicIps", publicAddresses(r));
        f.put("securityGroups", strings(r.securityGroups()));
        f.put("attachers", strings(r.attachers()));
        f.put("ipSetters", strings(r.ipSetters()));
        f.put("owner", r.owner().value());
        f.put("sourceDestCheck", r.sourceDestCheck());
        f.put("billingPrincipal", r.billingPrincipal().value());
        f.put("tags", r.tags());
        if (r.vlan().isPresent()) {
            f.put("vlan", r.vlan().getAsInt());
        }
        f.put("multiAttach", r.multiAttach());
        f.put("requesterManaged", r.requesterManaged());
        List<Attachment> attachments = topology.attachmentsOf(r.id());
        f.put("status", status(r, attachments).toString());
        List<String> instances = new ArrayList<>(attachments.size());
        List<String> ids = new ArrayList<>(attachments.size());
        for (Attachment a : attachments) {
            instances.add(a.instance().value());
            ids.add(a.id().value());
        }
        instances.sort(null);
        f.put("attachedInstances", instances);
        f.put("macAddresses", macAddresses(attachments));
        f.put("attachments", ids);
        return f;
    }

    public Map<String, Object> of(Attachment a) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("id", a.id().value());
        f.put("interface", a.iface().value());
        f.put("instance", a.instance().value());
        f.put("deviceIndex", a.deviceIndex());
        f.put("deleteOnTermination", a.deleteOnTermination());
        f.put("status", status(a).toString());
        f.put("attacher", a.attacher().value());
        return f;
    }

    public Map<String, Object> of(ResourceInstance i) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("id", i.id().value());
        f.put("owner", i.owner().value());
        f.put("type", i.type());
        f.put("zone", i.zone());
        f.put("platform", i.platform().map(Object::toString).orElse(null));
        f.put("state", i.state().toString());
        f.put("tags", i.tags());
        f.put("interfaces", topology.attachmentsOn(i.id()).stream().map(a -> a.iface().value()).toList());
        return f;
    }

    public Map<String, Object> of(Subnet s) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("id", s.id().value());
        f.put("partition", s.partition().value());
        f.put("cidr", s.cidr().toString());
        f.put("zone", s.zone());
        List<Map<String, Object>> routes = new ArrayList<>();
        for (Route route : s.routes()) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("to", route.to().toString());
            entry.put("via", route.via().toString());
            routes.add(entry);
        }
        f.put("routes", routes);
        f.put("available", topology.availableAddresses(s.id()));
        return f;
    }

    public Map<String, Object> of(Partition p) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("id", p.id().value());
        f.put("owner", p.owner().value());
        f.put("cidr", p.cidr().toString());
        f.put("internetGateway", p.internetGateway());
        p.vpnOnPremises().ifPresent(v -> f.put("vpn", Map.of("onPremises", v.toString())));
        f.put("defaultGroup", p.defaultGroup().value());
        return f;
    }

    public Map<String, Object> of(SecurityGroup g) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("id", g.id().value());
        f.put("partition", g.partition().value());
        f.put("description", g.description());
        f.put("ingress", rules(g.ingress()));
        f.put("egress", rules(g.egress()));
        return f;
    }

    public Map<String, Object> of(ServicePlatform p) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("id", p.id().value());
        f.put("zone", p.zone());
        f.put("capacity", p.capacity());
        List<Map<String, Object>> nics = new ArrayList<>();
        for (PhysicalNic nic : p.nics()) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("id", nic.id().value());
            entry.put("mac", nic.mac().toString());
            entry.put("state", nic.up() ? "up" : "down");
            nics.add(entry);
        }
        f.put("nics", nics);
        f.put("instances", topology.instancesOn(p.id()).stream().map(i -> i.id().value()).toList());
        return f;
    }

    private static List<Map<String, Object>> rules(List<Rule> rules) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Rule rule : rules) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("protocol", rule.protocol().toString());
            if (!rule.ports().isAll()) {
                entry.put("ports", rule.ports().toString());
            }
            entry.put("peer", rule.peer().toString());
            out.add(entry);
        }
        return out;
    }

    private static List<String> strings(java.util.Collection<?> values) {
        List<String> out = new ArrayList<>(values.size());
        for (Object value : values) {
            out.add(value.toString());
        }
        return out;
    }

    /** The public addresses of a record as text (for filters). */
    static List<String> publicAddresses(InterfaceRecord r) {
        List<String> out = new ArrayList<>(r.publicIps().size());
        for (PublicAddress pub : r.publicIps()) {
            out.add(pub.publicIp().toString());
        }
        return out;
    }
}
