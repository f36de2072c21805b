package org.viflab.fabric;

import java.util.List;
import java.util.Objects;
import org.viflab.model.Rule;

/**
 * The rules of a security group as the hypervisors of its partition enforce them. An empty egress
 * list allows nothing (the "allow all" default is an explicit rule by the time it reaches the fabric).
 *
 * <p>A value: equal when the rule lists are. It keeps each rule's text, which traces quote.
 */
public final class GroupRules {

    private final List<Rule> ingress;
    private final List<Rule> egress;
    private final String[] ingressText;
    private final String[] egressText;

    public GroupRules(List<Rule> ingress, List<Rule> egress) {
        this.ingress = List.copyOf(ingress);
        this.egress = List.copyOf(egress);
        this.ingressText = texts(this.ingress);
        this.egressText = texts(this.egress);
    }

    private static String[] texts(List<Rule> rules) {
        String[] texts = new String[rules.size()];
        for (int i = 0; i < texts.length; i++) {
            texts[i] = rules.get(i).toString();
        }
        return texts;
    }

    public List<Rule> ingress() {
        return ingress;
    }

    public List<Rule> egress() {
        return egress;
    }

    /** The rules of one direction. */
    public List<Rule> rules(boolean ingressDirection) {
        return ingressDirection ? ingress : egress;
    }

    /** The text of the rule at {@code index} of one direction, as {@link Rule#toString()} gives it. */
    public String ruleText(boolean ingressDirection, int index) {
        return ingressDirection ? ingressText[index] : egressText[index];
    }

    @Override
    public boolean equals(Object other) {
        return this == other
                || other instanceof GroupRules g && ingress.equals(g.ingress) && egress.equals(g.egress);
    }

    @Override
    public int hashCode() {
        return Objects.hash(ingress, egress);
    }

    @Override
    public String toString() {
        return "GroupRules[ingress=" + ingress + ", egress=" + egress + "]";
    }
}
