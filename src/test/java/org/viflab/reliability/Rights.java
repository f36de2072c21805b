package org.viflab.reliability;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Function;
import org.viflab.model.Attachment;
import org.viflab.model.InterfaceRecord;
import org.viflab.model.Partition;
import org.viflab.model.PartitionId;
import org.viflab.model.PrincipalId;
import org.viflab.model.ResourceInstance;
import org.viflab.model.Topology;

/**
 * What a principal may change, read from the semantics: a partition and what is in it (subnets,
 * groups) belong to the partition's owner; an instance and an interface record to their owners;
 * the record's attachers may also attach and detach it, its IP setters may also change its
 * addresses; the operator may do anything, and only the operator adds principals and platforms.
 */
final class Rights {

    private Rights() {
    }

    /**
     * Every change from {@code before} to {@code after} that {@code who} had no right to make, one
     * line each; empty when there is none.
     */
    static List<String> trespasses(Topology before, Topology after, PrincipalId who) {
        List<String> out = new ArrayList<>();
        if (who.equals(Topology.OPERATOR)) {
            return out;
        }
        if (!before.principals().equals(after.principals())) {
            out.add("principals " + before.principals() + " became " + after.principals());
        }
        if (!before.platforms().equals(after.platforms())) {
            out.add("platforms changed");
        }
        compare(out, "partition", before.partitions(), after.partitions(), p -> p.owner().equals(who));
        compare(out, "subnet", before.subnets(), after.subnets(),
                s -> ownsPartition(before, after, s.partition(), who));
        compare(out, "security group", before.securityGroups(), after.securityGroups(),
                g -> ownsPartition(before, after, g.partition(), who));
        compare(out, "instance", before.instances(), after.instances(), i -> i.owner().equals(who));
        for (var id : union(before.interfaces(), after.interfaces())) {
            InterfaceRecord was = before.interfaces().get(id);
            InterfaceRecord now = after.interfaces().get(id);
            if (Objects.equals(was, now)) {
                continue;
            }
            if (was == null) {
                if (!ownsPartition(before, after, now.partition(), who) && !now.owner().equals(who)) {
                    out.add("interface " + id + " created in " + now.partition() + ", not " + who + "'s");
                }
                continue;
            }
            if (was.owner().equals(who)) {
                continue;
            }
            if (now == null) {
                out.add("interface " + id + " of " + was.owner() + " deleted");
            } else if (!(was.ipSetters().contains(who) && sameButAddresses(was, now))) {
                out.add("interface " + id + " of " + was.owner() + " changed: " + was + " → " + now);
            }
        }
        for (var id : union(before.attachments(), after.attachments())) {
            Attachment was = before.attachments().get(id);
            Attachment now = after.attachments().get(id);
            if (Objects.equals(was, now)) {
                continue;
            }
            Attachment any = was != null ? was : now;
            if (!mayAttach(before, after, any, who)) {
                out.add("attachment " + id + " " + (was == null ? "made" : now == null ? "removed" : "changed")
                        + ": " + any);
            }
        }
        return out;
    }

    /** Owner of the instance, or owner or attacher of the record (as the record was before, if it was). */
    private static boolean mayAttach(Topology before, Topology after, Attachment attachment, PrincipalId who) {
        ResourceInstance instance = Optional.ofNullable(before.instances().get(attachment.instance()))
                .orElse(after.instances().get(attachment.instance()));
        if (instance != null && instance.owner().equals(who)) {
            return true;
        }
        InterfaceRecord record = Optional.ofNullable(before.interfaces().get(attachment.iface()))
                .orElse(after.interfaces().get(attachment.iface()));
        return record != null && (record.owner().equals(who) || record.attachers().contains(who));
    }

    private static boolean ownsPartition(Topology before, Topology after, PartitionId id, PrincipalId who) {
        Partition partition = Optional.ofNullable(before.partitions().get(id)).orElse(after.partitions().get(id));
        return partition != null && partition.owner().equals(who);
    }

    private static boolean sameButAddresses(InterfaceRecord was, InterfaceRecord now) {
        InterfaceRecord withOldAddresses = new InterfaceRecord(now.id(), now.description(), now.partition(), now.zone(),
                now.subnet(), was.privateIps(), was.publicIps(), now.securityGroups(), now.attachers(), now.ipSetters(),
                now.owner(), now.sourceDestCheck(), now.billingPrincipal(), now.tags(), now.vlan(), now.multiAttach(),
                now.requesterManaged());
        return withOldAddresses.equals(was);
    }

    private static <K, V> void compare(List<String> out, String kind, NavigableMap<K, V> before,
                                       NavigableMap<K, V> after, Function<V, Boolean> mine) {
        for (K id : union(before, after)) {
            V was = before.get(id);
            V now = after.get(id);
            if (!Objects.equals(was, now) && !mine.apply(was != null ? was : now)) {
                out.add(kind + " " + id + (was == null ? " created" : now == null ? " deleted" : " changed")
                        + ": " + was + " → " + now);
            }
        }
    }

    private static <K, V> TreeSet<K> union(Map<K, V> a, Map<K, V> b) {
        TreeSet<K> keys = new TreeSet<>(a.keySet());
        keys.addAll(b.keySet());
        return keys;
    }
}
