package org.viflab.model;

/** Monitoring counters of an interface record (figure 2), counted by traced flows. */
public record InterfaceCounters(long packetsIn, long packetsOut, long bytesIn, long bytesOut) {

    public static final InterfaceCounters ZERO = new InterfaceCounters(0, 0, 0, 0);

    public InterfaceCounters plusIn(long packets, long bytes) {
        return new InterfaceCounters(packetsIn + packets, packetsOut, bytesIn + bytes, bytesOut);
    }

    public InterfaceCounters plusOut(long packets, long bytes) {
        return new InterfaceCounters(packetsIn, packetsOut + packets, bytesIn, bytesOut + bytes);
    }
}
