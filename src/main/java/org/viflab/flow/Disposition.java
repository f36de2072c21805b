package org.viflab.flow;

/**
 * How a trace ends. {@link #DELIVERED} and {@link #EXITED} are successes; every other value names
 * the check that stopped the packet.
 */
public enum Disposition {
    /** An instance received the packet. */
    DELIVERED(true),
    /** The packet left the provider network, to the internet or to an on-premises network. */
    EXITED(true),
    /** An egress security group of the sending interface admits no such packet. */
    DENIED_OUT(false),
    /** An ingress security group of the receiving interface admits no such packet. */
    DENIED_IN(false),
    /** A source/destination check dropped it: a source that is not the interface's, or a packet not addressed to it. */
    SPOOF_BLOCKED(false),
    /** No route matched, the route's target is missing, or the route is a blackhole. */
    NO_ROUTE(false),
    /** No interface record owns the destination address. */
    UNASSIGNED(false),
    /** The record owning the address is attached to no instance. */
    DETACHED(false),
    /** The instance that should send or receive is not running. */
    NOT_RUNNING(false),
    /** The instance runs but its hypervisor has not plugged the record in (yet). */
    NOT_PLUGGED(false),
    /** The physical NIC carrying the interface is down. */
    NIC_DOWN(false),
    /** The packet passed the hop limit without arriving. */
    LOOP(false);

    private final boolean successful;

    Disposition(boolean successful) {
        this.successful = successful;
    }

    public boolean isSuccessful() {
        return successful;
    }
}
