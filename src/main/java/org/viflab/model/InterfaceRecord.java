package org.viflab.model;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.viflab.net.Ipv4Address;

/**
 * An interface record (a VIF): the fields of the design's figure 2 that the client sets.
 *
 * <p>What follows from other objects is derived, not stored: the attachments (see
 * {@link Topology#attachmentsOf}), the status, the MAC addresses of the physical NICs carrying the
 * record and its monitoring counters.
 *
 * @param privateIps the record's private addresses, primary first
 * @param publicIps  public addresses, each mapped to one of the private ones
 * @param attachers  principals besides the owner that may attach and detach the record
 * @param ipSetters  principals besides the owner that may change its addresses
 * @param vlan       an optional VLAN tag
 */
public record InterfaceRecord(
        InterfaceId id,
        String description,
        PartitionId partition,
        String zone,
        SubnetId subnet,
        List<Ipv4Address> privateIps,
        List<PublicAddress> publicIps,
        List<SecurityGroupId> securityGroups,
        Set<PrincipalId> attachers,
        Set<PrincipalId> ipSetters,
        PrincipalId owner,
        boolean sourceDestCheck,
        PrincipalId billingPrincipal,
        Map<String, String> tags,
        OptionalInt vlan,
        boolean multiAttach,
        boolean requesterManaged) {

    public InterfaceRecord {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(partition, "partition");
        Objects.requireNonNull(subnet, "subnet");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(vlan, "vlan");
        description = description == null ? "" : description;
        privateIps = List.copyOf(privateIps);
        if (privateIps.isEmpty()) {
            throw new IllegalArgumentException("interface " + id + " needs at least one private address");
        }
        publicIps = List.copyOf(publicIps);
        securityGroups = List.copyOf(securityGroups);
        attachers = Collections.unmodifiableSet(new TreeSet<>(attachers));
        ipSetters = Collections.unmodifiableSet(new TreeSet<>(ipSetters));
        billingPrincipal = billingPrincipal == null ? owner : billingPrincipal;
        tags = Collections.unmodifiableMap(new TreeMap<>(tags));
    }

    public Ipv4Address primaryIp() {
        return privateIps.get(0);
    }

    /** A builder holding this record's fields, for "with" changes. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /** Mutable copy of a record's fields; {@link #build()} validates again. */
    public static final class Builder {
        public InterfaceId id;
        public String description;
        public PartitionId partition;
        public String zone;
        public SubnetId subnet;
        public List<Ipv4Address> privateIps;
        public List<PublicAddress> publicIps;
        public List<SecurityGroupId> securityGroups;
        public Set<PrincipalId> attachers;
        public Set<PrincipalId> ipSetters;
        public PrincipalId owner;
        public boolean sourceDestCheck;
        public PrincipalId billingPrincipal;
        public Map<String, String> tags;
        public OptionalInt vlan;
        public boolean multiAttach;
        public boolean requesterManaged;

        Builder(InterfaceRecord r) {
            id = r.id;
            description = r.description;
            partition = r.partition;
            zone = r.zone;
            subnet = r.subnet;
            privateIps = r.privateIps;
            publicIps = r.publicIps;
            securityGroups = r.securityGroups;
            attachers = r.attachers;
            ipSetters = r.ipSetters;
            owner = r.owner;
            sourceDestCheck = r.sourceDestCheck;
            billingPrincipal = r.billingPrincipal;
            tags = r.tags;
            vlan = r.vlan;
            multiAttach = r.multiAttach;
            requesterManaged = r.requesterManaged;
        }

        public InterfaceRecord build() {
            return new InterfaceRecord(id, description, partition, zone, subnet, privateIps, publicIps,
                    securityGroups, attachers, ipSetters, owner, sourceDestCheck, billingPrincipal, tags,
                    vlan, multiAttach, requesterManaged);
        }
    }
}
