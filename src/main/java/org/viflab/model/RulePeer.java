package org.viflab.model;

import org.viflab.net.Ipv4Prefix;

/**
 * The other end a security-group rule admits: an address range, or the members of a group.
 * Exactly one of the two is set.
 */
public record RulePeer(Ipv4Prefix cidr, SecurityGroupId group) {

    public RulePeer {
        if ((cidr == null) == (group == null)) {
            throw new IllegalArgumentException("a rule peer is either a CIDR or a security group");
        }
    }

    public static RulePeer of(Ipv4Prefix cidr) {
        return new RulePeer(cidr, null);
    }

    public static RulePeer of(SecurityGroupId group) {
        return new RulePeer(null, group);
    }

    /** Parses a CIDR (or bare address) or, failing that, a group id. */
    public static RulePeer parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("missing rule peer");
        }
        String trimmed = text.trim();
        if (!trimmed.isEmpty() && Character.isDigit(trimmed.charAt(0))) {
            return of(Ipv4Prefix.parse(trimmed));
        }
        return of(SecurityGroupId.securityGroupId(trimmed));
    }

    public boolean isGroup() {
        return group != null;
    }

    @Override
    public String toString() {
        return isGroup() ? group.value() : cidr.toString();
    }
}
