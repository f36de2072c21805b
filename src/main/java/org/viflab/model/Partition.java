package org.viflab.model;

import java.util.Objects;
import java.util.Optional;
import org.viflab.net.Ipv4Prefix;

/**
 * A logical partition (a VPC): an address space owned by one principal, with an optional internet
 * gateway and an optional VPN gateway to an on-premises network.
 *
 * @param defaultGroup the group a new interface gets when it names none ({@code <id>-default} unless named)
 */
public record Partition(PartitionId id, PrincipalId owner, Ipv4Prefix cidr, boolean internetGateway,
                        Optional<Ipv4Prefix> vpnOnPremises, SecurityGroupId defaultGroup) {

    public Partition {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(cidr, "cidr");
        Objects.requireNonNull(vpnOnPremises, "vpnOnPremises");
        Objects.requireNonNull(defaultGroup, "defaultGroup");
    }

    /** The default group's id when the partition names none. */
    public static SecurityGroupId defaultGroupOf(PartitionId partition) {
        return SecurityGroupId.securityGroupId(partition.value() + "-default");
    }

    public boolean hasVpn() {
        return vpnOnPremises.isPresent();
    }
}
