package org.viflab.model;

import java.util.List;
import java.util.Objects;

/**
 * A stateful security group of a partition. A new group allows all egress and no ingress; an
 * explicit empty egress list allows none.
 */
public record SecurityGroup(SecurityGroupId id, PartitionId partition, String description,
                            List<Rule> ingress, List<Rule> egress) {

    public SecurityGroup {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(partition, "partition");
        description = description == null ? "" : description;
        ingress = List.copyOf(ingress);
        egress = List.copyOf(egress);
    }

    /** The egress rule list of a group created without one: everything to anywhere. */
    public static List<Rule> allowAllEgress() {
        return List.of(new Rule(org.viflab.net.Protocol.ALL, null, RulePeer.of(org.viflab.net.Ipv4Prefix.ANY)));
    }

    public SecurityGroup withRules(List<Rule> newIngress, List<Rule> newEgress) {
        return new SecurityGroup(id, partition, description, newIngress, newEgress);
    }
}
