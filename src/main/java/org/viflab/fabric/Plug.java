package org.viflab.fabric;

import java.util.Objects;
import org.viflab.model.InstanceId;
import org.viflab.model.InterfaceId;
import org.viflab.model.NicId;
import org.viflab.model.PartitionId;
import org.viflab.model.PlatformId;
import org.viflab.model.SubnetId;
import org.viflab.net.MacAddress;

/**
 * An interface record plugged into an instance by a hypervisor, over one of its physical NICs, with
 * what the hypervisor enforces for it (partition, subnet, source/destination check). The security
 * groups loaded for the record are kept beside it, see {@link Hypervisor#loadedGroups}.
 */
public record Plug(PlatformId platform, InterfaceId iface, InstanceId instance, int deviceIndex, NicId nic,
                   MacAddress mac, PartitionId partition, SubnetId subnet, boolean sourceDestCheck) {

    public Plug {
        Objects.requireNonNull(platform, "platform");
        Objects.requireNonNull(iface, "iface");
        Objects.requireNonNull(instance, "instance");
        Objects.requireNonNull(nic, "nic");
        Objects.requireNonNull(mac, "mac");
        Objects.requireNonNull(partition, "partition");
        Objects.requireNonNull(subnet, "subnet");
    }

    /** The key a hypervisor files plugs under: one record may be plugged into several instances. */
    public record Key(InterfaceId iface, InstanceId instance) {
        public Key {
            Objects.requireNonNull(iface, "iface");
            Objects.requireNonNull(instance, "instance");
        }
    }

    public Key key() {
        return new Key(iface, instance);
    }

    Plug withSourceDestCheck(boolean on) {
        return on == sourceDestCheck ? this
                : new Plug(platform, iface, instance, deviceIndex, nic, mac, partition, subnet, on);
    }
}
