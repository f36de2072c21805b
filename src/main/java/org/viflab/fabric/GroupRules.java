package org.viflab.fabric;

import java.util.List;
import org.viflab.model.Rule;

/**
 * The rules of a security group as the hypervisors of its partition enforce them. An empty egress
 * list allows nothing (the "allow all" default is an explicit rule by the time it reaches the fabric).
 */
public record GroupRules(List<Rule> ingress, List<Rule> egress) {

    public GroupRules {
        ingress = List.copyOf(ingress);
        egress = List.copyOf(egress);
    }

    /** The rules of one direction. */
    public List<Rule> rules(boolean ingressDirection) {
        return ingressDirection ? ingress : egress;
    }
}
