package org.viflab.flow;

import java.util.Objects;
import java.util.OptionalInt;
import org.viflab.model.Sentence;
import org.viflab.net.Protocol;

/**
 * A flow to trace: {@code from} sends a packet of {@code protocol} to {@code to}'s {@code port}.
 * Ports are ignored for ICMP.
 */
public record Flow(Endpoint from, Endpoint to, Protocol protocol, int port, OptionalInt srcPort) {

    /** The source port used when none is given. */
    public static final int DEFAULT_SOURCE_PORT = 49152;

    public Flow {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(protocol, "protocol");
        Objects.requireNonNull(srcPort, "srcPort");
        if (protocol == Protocol.ALL) {
            throw new FlowException(Sentence.of(Reason.FLOW_HAS_ONE_PROTOCOL));
        }
        if (port < 0 || port > 65535) {
            throw new FlowException(Sentence.of(Reason.PORT_OUT_OF_RANGE, port));
        }
        if (srcPort.isPresent() && (srcPort.getAsInt() < 0 || srcPort.getAsInt() > 65535)) {
            throw new FlowException(Sentence.of(Reason.SOURCE_PORT_OUT_OF_RANGE, srcPort.getAsInt()));
        }
    }

    public static Flow of(String from, String to, Protocol protocol, int port) {
        return new Flow(Endpoint.parse(from), Endpoint.parse(to), protocol, port, OptionalInt.empty());
    }

    public int sourcePort() {
        return srcPort.orElse(DEFAULT_SOURCE_PORT);
    }

    @Override
    public String toString() {
        return from + " → " + to + " " + protocol + (protocol.hasPorts() ? ":" + port : "");
    }
}
