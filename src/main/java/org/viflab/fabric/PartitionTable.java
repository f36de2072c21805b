package org.viflab.fabric;

import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;
import org.viflab.model.PartitionId;
import org.viflab.model.SecurityGroupId;
import org.viflab.net.Ipv4Address;
import org.viflab.net.Ipv4Prefix;

/**
 * The realized tables of one partition: its address space and gateways, its mapping table (private
 * address → owning record and the instances it is attached to), the NAT table of its internet
 * gateway (public ↔ private) and the security-group rules its hypervisors enforce.
 *
 * <p>Read accessors that sit on the trace path return {@code null} for "none" rather than an
 * {@code Optional}; the {@code Optional} variants are for everybody else.
 */
public final class PartitionTable {

    private final PartitionId id;
    private Ipv4Prefix cidr;
    private boolean internetGateway;
    private Ipv4Prefix vpnOnPremises;
    private final Map<Ipv4Address, MappingEntry> mapping;
    private final Map<Ipv4Address, Ipv4Address> nat;
    private final Map<SecurityGroupId, GroupRules> groups;
    /** Derived: private address → its public addresses, lowest first (the one source NAT uses). */
    private final Map<Ipv4Address, TreeSet<Ipv4Address>> natByPrivate;

    PartitionTable(PartitionId id, Ipv4Prefix cidr, boolean internetGateway, Ipv4Prefix vpnOnPremises) {
        this.id = Objects.requireNonNull(id, "id");
        this.cidr = Objects.requireNonNull(cidr, "cidr");
        this.internetGateway = internetGateway;
        this.vpnOnPremises = vpnOnPremises;
        this.mapping = new HashMap<>();
        this.nat = new HashMap<>();
        this.groups = new HashMap<>();
        this.natByPrivate = new HashMap<>();
    }

    private PartitionTable(PartitionTable other) {
        this.id = other.id;
        this.cidr = other.cidr;
        this.internetGateway = other.internetGateway;
        this.vpnOnPremises = other.vpnOnPremises;
        this.mapping = new HashMap<>(other.mapping);
        this.nat = new HashMap<>(other.nat);
        this.groups = new HashMap<>(other.groups);
        this.natByPrivate = new HashMap<>();
        other.natByPrivate.forEach((k, v) -> natByPrivate.put(k, new TreeSet<>(v)));
    }

    PartitionTable copy() {
        return new PartitionTable(this);
    }

    public PartitionId id() {
        return id;
    }

    public Ipv4Prefix cidr() {
        return cidr;
    }

    public boolean hasInternetGateway() {
        return internetGateway;
    }

    public boolean hasVpn() {
        return vpnOnPremises != null;
    }

    /** The on-premises CIDR behind the VPN gateway, or {@code null} without a VPN. */
    public Ipv4Prefix vpnOnPremisesOrNull() {
        return vpnOnPremises;
    }

    public Optional<Ipv4Prefix> vpnOnPremises() {
        return Optional.ofNullable(vpnOnPremises);
    }

    /** The mapping entry of a private address, or {@code null} when no record owns it. */
    public MappingEntry mappingAt(Ipv4Address address) {
        return mapping.get(address);
    }

    /** The whole mapping table (read-only). */
    public Map<Ipv4Address, MappingEntry> mappings() {
        return Collections.unmodifiableMap(mapping);
    }

    /** The private address a public one is translated to, or {@code null}. */
    public Ipv4Address privateFor(Ipv4Address publicIp) {
        return nat.get(publicIp);
    }

    /** The public address source NAT gives a private one (the lowest if several), or {@code null}. */
    public Ipv4Address publicFor(Ipv4Address privateIp) {
        TreeSet<Ipv4Address> publics = natByPrivate.get(privateIp);
        return publics == null ? null : publics.first();
    }

    /** The NAT table, public → private (read-only). */
    public Map<Ipv4Address, Ipv4Address> nat() {
        return Collections.unmodifiableMap(nat);
    }

    /** The rules of a group defined in this partition, or {@code null}. */
    public GroupRules groupRules(SecurityGroupId group) {
        return groups.get(group);
    }

    /** Every group defined here (read-only). */
    public Map<SecurityGroupId, GroupRules> groups() {
        return Collections.unmodifiableMap(groups);
    }

    // ---- mutation, by Fabric only ----

    void setGateways(Ipv4Prefix newCidr, boolean newInternetGateway, Ipv4Prefix newVpn) {
        cidr = Objects.requireNonNull(newCidr, "cidr");
        internetGateway = newInternetGateway;
        vpnOnPremises = newVpn;
    }

    /** Puts a mapping entry; returns the one it replaced. */
    MappingEntry map(Ipv4Address address, MappingEntry entry) {
        return mapping.put(address, entry);
    }

    MappingEntry unmap(Ipv4Address address) {
        return mapping.remove(address);
    }

    void nat(Ipv4Address publicIp, Ipv4Address privateIp) {
        Ipv4Address before = nat.put(publicIp, privateIp);
        if (before != null) {
            dropReverse(publicIp, before);
        }
        natByPrivate.computeIfAbsent(privateIp, p -> new TreeSet<>()).add(publicIp);
    }

    boolean unnat(Ipv4Address publicIp) {
        Ipv4Address before = nat.remove(publicIp);
        if (before != null) {
            dropReverse(publicIp, before);
        }
        return before != null;
    }

    private void dropReverse(Ipv4Address publicIp, Ipv4Address privateIp) {
        TreeSet<Ipv4Address> publics = natByPrivate.get(privateIp);
        if (publics != null) {
            publics.remove(publicIp);
            if (publics.isEmpty()) {
                natByPrivate.remove(privateIp);
            }
        }
    }

    void define(SecurityGroupId group, GroupRules rules) {
        groups.put(group, rules);
    }

    void undefine(SecurityGroupId group) {
        groups.remove(group);
    }

    /** Content equality: gateways and the three tables (the reverse NAT index is derived). */
    @Override
    public boolean equals(Object other) {
        if (this == other) {
            return true;
        }
        return other instanceof PartitionTable t && id.equals(t.id) && cidr.equals(t.cidr)
                && internetGateway == t.internetGateway && Objects.equals(vpnOnPremises, t.vpnOnPremises)
                && mapping.equals(t.mapping) && nat.equals(t.nat) && groups.equals(t.groups);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, cidr, internetGateway, vpnOnPremises, mapping, nat, groups);
    }

    @Override
    public String toString() {
        return "partition " + id + " " + cidr + (internetGateway ? " igw" : "")
                + (vpnOnPremises != null ? " vpn " + vpnOnPremises : "") + " mapping=" + mapping.size()
                + " nat=" + nat.size() + " groups=" + groups.size();
    }
}
