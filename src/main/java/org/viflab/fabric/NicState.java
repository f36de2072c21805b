package org.viflab.fabric;

import java.util.Objects;
import org.viflab.model.NicId;
import org.viflab.model.PhysicalNic;
import org.viflab.net.MacAddress;

/**
 * A physical NIC as its hypervisor knows it: its MAC and whether it is up.
 *
 * @param macText the MAC as text, kept so that traces do not format it again and again
 */
public record NicState(NicId id, MacAddress mac, boolean up, String macText) {

    public NicState {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(mac, "mac");
        macText = mac.toString();
    }

    public NicState(NicId id, MacAddress mac, boolean up) {
        this(id, mac, up, null);
    }

    static NicState of(PhysicalNic nic) {
        return new NicState(nic.id(), nic.mac(), nic.up());
    }

    NicState withUp(boolean newUp) {
        return newUp == up ? this : new NicState(id, mac, newUp, macText);
    }

    @Override
    public String toString() {
        return id + "=" + macText + (up ? "" : "(down)");
    }
}
