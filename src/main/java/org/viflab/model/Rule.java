package org.viflab.model;

import java.util.Objects;
import org.viflab.net.PortSet;
import org.viflab.net.Protocol;

/** A security-group rule: a protocol, the ports it admits (all for ICMP and "all"), and a peer. */
public record Rule(Protocol protocol, PortSet ports, RulePeer peer) {

    public Rule {
        Objects.requireNonNull(protocol, "protocol");
        Objects.requireNonNull(peer, "peer");
        ports = ports == null || !protocol.hasPorts() ? PortSet.ALL : ports;
    }

    /** Whether the rule admits a packet of {@code packetProtocol} to {@code port}. */
    public boolean admits(Protocol packetProtocol, int port) {
        return protocol.matches(packetProtocol) && (!packetProtocol.hasPorts() || ports.contains(port));
    }

    @Override
    public String toString() {
        return protocol + (ports.isAll() ? "" : ":" + ports) + " " + peer;
    }
}
