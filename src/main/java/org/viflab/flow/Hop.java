package org.viflab.flow;

import java.util.Locale;
import java.util.Objects;
import org.viflab.model.Sentence;
import org.viflab.net.Ipv4Address;

/**
 * One step of a trace: which component did what to the packet, in a sentence fragment, and the
 * packet's header (source, destination) after the step. The fragment reads in English
 * ({@link #detail()}) or in the language of the UI ({@link #detail(Locale)}).
 *
 * @param seq           position in the trace, from 1
 * @param componentId   the component's id: an instance, interface, group, NIC, subnet (its router),
 *                      partition (its mapping table, NAT, gateways), an outside host or {@code internet}
 */
public record Hop(int seq, ComponentKind componentKind, String componentId, Action action, Sentence why,
                  Ipv4Address src, Ipv4Address dst) {

    /** The kind of component a hop happens at. */
    public enum ComponentKind {
        INSTANCE, INTERFACE, SECURITY_GROUP, NIC, ROUTER, MAPPING, NAT, INTERNET_GATEWAY, VPN_GATEWAY, INTERNET,
        ON_PREMISES;

        /** Lower-case words, e.g. {@code security group}. */
        public String label() {
            return name().toLowerCase(Locale.ROOT).replace('_', ' ');
        }
    }

    /** What happened at the hop. */
    public enum Action {
        ORIGINATED, PERMITTED, DENIED, FORWARDED, TRANSLATED, TRANSMITTED, RECEIVED, DELIVERED, DROPPED
    }

    public Hop {
        if (seq < 1) {
            throw new IllegalArgumentException("hop numbers start at 1, not " + seq);
        }
        Objects.requireNonNull(componentKind, "componentKind");
        Objects.requireNonNull(componentId, "componentId");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(why, "why");
        Objects.requireNonNull(src, "src");
        Objects.requireNonNull(dst, "dst");
    }

    /** A hop whose fragment reads the same in every language. */
    public Hop(int seq, ComponentKind componentKind, String componentId, Action action, String detail,
               Ipv4Address src, Ipv4Address dst) {
        this(seq, componentKind, componentId, action, Sentence.verbatim(Objects.requireNonNull(detail, "detail")),
                src, dst);
    }

    /** The fragment in English: what the command line, scenario runs and golden files show. */
    public String detail() {
        return why.english();
    }

    /** The fragment in {@code locale}'s language (English when the application does not speak it). */
    public String detail(Locale locale) {
        return why.in(locale);
    }

    @Override
    public String toString() {
        return seq + " " + action + " " + componentKind.label() + " " + componentId + " " + src + " → " + dst + " "
                + detail();
    }
}
