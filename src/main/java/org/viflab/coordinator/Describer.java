package org.viflab.coordinator;

import static org.viflab.coordinator.ErrorCode.INVALID_PARAMETER_VALUE;
import static org.viflab.coordinator.Lookup.reject;
import static org.viflab.coordinator.Rejection.*;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.viflab.coordinator.Request.Describe;
import org.viflab.coordinator.Request.Kind;
import org.viflab.model.Attachment;
import org.viflab.model.AttachmentId;
import org.viflab.model.InstanceId;
import org.viflab.model.InterfaceId;
import org.viflab.model.InterfaceRecord;
import org.viflab.model.Partition;
import org.viflab.model.PartitionId;
import org.viflab.model.PlatformId;
import org.viflab.model.ResourceInstance;
import org.viflab.model.SecurityGroup;
import org.viflab.model.SecurityGroupId;
import org.viflab.model.ServicePlatform;
import org.viflab.model.Subnet;
import org.viflab.model.SubnetId;
import org.viflab.model.Topology;

/**
 * Answers {@link Describe} requests: the named ids (an unknown one is {@code …NotFound}), narrowed
 * by filters — AND across filters, OR within one filter's values — named as in AWS's describe calls.
 */
final class Describer {

    /** What a filter reads from an object: the values it may match. */
    private interface Extractor<T> extends BiFunction<Topology, T, Collection<String>> {
    }

    private static final Map<String, Extractor<InterfaceRecord>> INTERFACE_FILTERS = new LinkedHashMap<>();
    private static final Map<String, Extractor<ResourceInstance>> INSTANCE_FILTERS = new LinkedHashMap<>();
    private static final Map<String, Extractor<Subnet>> SUBNET_FILTERS = new LinkedHashMap<>();
    private static final Map<String, Extractor<Partition>> PARTITION_FILTERS = new LinkedHashMap<>();
    private static final Map<String, Extractor<SecurityGroup>> GROUP_FILTERS = new LinkedHashMap<>();
    private static final Map<String, Extractor<ServicePlatform>> PLATFORM_FILTERS = new LinkedHashMap<>();
    private static final Map<String, Extractor<Attachment>> ATTACHMENT_FILTERS = new LinkedHashMap<>();

    static {
        INTERFACE_FILTERS.put("network-interface-id", (t, r) -> List.of(r.id().value()));
        INTERFACE_FILTERS.put("subnet-id", (t, r) -> List.of(r.subnet().value()));
        INTERFACE_FILTERS.put("vpc-id", (t, r) -> List.of(r.partition().value()));
        INTERFACE_FILTERS.put("availability-zone", (t, r) -> List.of(r.zone()));
        INTERFACE_FILTERS.put("group-id", (t, r) -> strings(r.securityGroups(), SecurityGroupId::value));
        INTERFACE_FILTERS.put("private-ip-address", (t, r) -> r.privateIps().stream().map(Object::toString).toList());
        INTERFACE_FILTERS.put("addresses.private-ip-address", INTERFACE_FILTERS.get("private-ip-address"));
        INTERFACE_FILTERS.put("association.public-ip", (t, r) -> FieldView.publicAddresses(r));
        INTERFACE_FILTERS.put("description", (t, r) -> List.of(r.description()));
        INTERFACE_FILTERS.put("source-dest-check", (t, r) -> List.of(Boolean.toString(r.sourceDestCheck())));
        INTERFACE_FILTERS.put("requester-managed", (t, r) -> List.of(Boolean.toString(r.requesterManaged())));
        INTERFACE_FILTERS.put("owner-id", (t, r) -> List.of(r.owner().value()));
        INTERFACE_FILTERS.put("attachment.instance-id", (t, r) -> t.attachmentsOf(r.id()).stream()
                .map(a -> a.instance().value()).toList());
        INTERFACE_FILTERS.put("attachment.attachment-id", (t, r) -> t.attachmentsOf(r.id()).stream()
                .map(a -> a.id().value()).toList());
        INTERFACE_FILTERS.put("attachment.instance-owner-id", (t, r) -> t.attachmentsOf(r.id()).stream()
                .map(a -> t.instances().get(a.instance()).owner().value()).toList());
        INTERFACE_FILTERS.put("tag-key", (t, r) -> r.tags().keySet());

        INSTANCE_FILTERS.put("instance-id", (t, i) -> List.of(i.id().value()));
        INSTANCE_FILTERS.put("instance-state-name", (t, i) -> List.of(i.state().toString()));
        INSTANCE_FILTERS.put("instance-type", (t, i) -> List.of(i.type()));
        INSTANCE_FILTERS.put("availability-zone", (t, i) -> List.of(i.zone()));
        INSTANCE_FILTERS.put("platform-id", (t, i) -> i.platform().map(p -> List.of(p.value())).orElse(List.of()));
        INSTANCE_FILTERS.put("owner-id", (t, i) -> List.of(i.owner().value()));
        INSTANCE_FILTERS.put("network-interface.network-interface-id", (t, i) -> t.attachmentsOn(i.id()).stream()
                .map(a -> a.iface().value()).toList());
        INSTANCE_FILTERS.put("subnet-id", (t, i) -> t.attachmentsOn(i.id()).stream()
                .map(a -> t.interfaces().get(a.iface()).subnet().value()).toList());

        SUBNET_FILTERS.put("subnet-id", (t, s) -> List.of(s.id().value()));
        SUBNET_FILTERS.put("vpc-id", (t, s) -> List.of(s.partition().value()));
        SUBNET_FILTERS.put("cidr-block", (t, s) -> List.of(s.cidr().toString()));
        SUBNET_FILTERS.put("availability-zone", (t, s) -> List.of(s.zone()));

        PARTITION_FILTERS.put("vpc-id", (t, p) -> List.of(p.id().value()));
        PARTITION_FILTERS.put("owner-id", (t, p) -> List.of(p.owner().value()));
        PARTITION_FILTERS.put("cidr-block", (t, p) -> List.of(p.cidr().toString()));

        GROUP_FILTERS.put("group-id", (t, g) -> List.of(g.id().value()));
        GROUP_FILTERS.put("vpc-id", (t, g) -> List.of(g.partition().value()));

        PLATFORM_FILTERS.put("platform-id", (t, p) -> List.of(p.id().value()));
        PLATFORM_FILTERS.put("availability-zone", (t, p) -> List.of(p.zone()));

        ATTACHMENT_FILTERS.put("attachment-id", (t, a) -> List.of(a.id().value()));
        ATTACHMENT_FILTERS.put("instance-id", (t, a) -> List.of(a.instance().value()));
        ATTACHMENT_FILTERS.put("network-interface-id", (t, a) -> List.of(a.iface().value()));
    }

    private Describer() {
    }

    static DescribeAnswer describe(Topology t, PropagationView propagation, Describe r) {
        FieldView fields = new FieldView(t, propagation);
        return switch (r.kind()) {
            case INTERFACES -> answer(t, r, t.interfaces(), InterfaceId::interfaceId, interfaceFilters(fields),
                    ErrorCode.INVALID_NETWORK_INTERFACE_ID_NOT_FOUND, INTERFACE_DOES_NOT_EXIST, fields::of,
                    r2 -> r2.tags());
            case INSTANCES -> answer(t, r, t.instances(), InstanceId::instanceId, INSTANCE_FILTERS,
                    ErrorCode.INVALID_INSTANCE_ID_NOT_FOUND, INSTANCE_DOES_NOT_EXIST, fields::of,
                    ResourceInstance::tags);
            case SUBNETS -> answer(t, r, t.subnets(), SubnetId::subnetId, SUBNET_FILTERS,
                    ErrorCode.INVALID_SUBNET_ID_NOT_FOUND, SUBNET_DOES_NOT_EXIST, fields::of, s -> Map.of());
            case PARTITIONS -> answer(t, r, t.partitions(), PartitionId::partitionId, PARTITION_FILTERS,
                    ErrorCode.INVALID_VPC_ID_NOT_FOUND, PARTITION_DOES_NOT_EXIST, fields::of, p -> Map.of());
            case SECURITY_GROUPS -> answer(t, r, t.securityGroups(), SecurityGroupId::securityGroupId, GROUP_FILTERS,
                    ErrorCode.INVALID_GROUP_NOT_FOUND, SECURITY_GROUP_DOES_NOT_EXIST, fields::of, g -> Map.of());
            case PLATFORMS -> answer(t, r, t.platforms(), PlatformId::platformId, PLATFORM_FILTERS,
                    ErrorCode.INVALID_PLATFORM_ID_NOT_FOUND, PLATFORM_DOES_NOT_EXIST, fields::of, p -> Map.of());
            case ATTACHMENTS -> answer(t, r, t.attachments(), AttachmentId::attachmentId, attachmentFilters(fields),
                    ErrorCode.INVALID_ATTACHMENT_ID_NOT_FOUND, ATTACHMENT_DOES_NOT_EXIST, fields::of, a -> Map.of());
        };
    }

    /** Interface filters that need the propagation state (status, MACs). */
    private static Map<String, Extractor<InterfaceRecord>> interfaceFilters(FieldView fields) {
        Map<String, Extractor<InterfaceRecord>> all = new LinkedHashMap<>(INTERFACE_FILTERS);
        all.put("status", (t, r) -> List.of(fields.status(r).toString()));
        all.put("mac-address", (t, r) -> fields.macAddresses(r));
        all.put("attachment.status", (t, r) -> t.attachmentsOf(r.id()).stream()
                .map(a -> fields.status(a).toString()).toList());
        return all;
    }

    /** Attachment filters, with the status that needs the propagation state. */
    private static Map<String, Extractor<Attachment>> attachmentFilters(FieldView fields) {
        Map<String, Extractor<Attachment>> all = new LinkedHashMap<>(ATTACHMENT_FILTERS);
        all.put("status", (t, a) -> List.of(fields.status(a).toString()));
        return all;
    }

    private static <I, T> DescribeAnswer answer(Topology t, Describe r, Map<I, T> objects, Function<String, I> id,
                                                Map<String, Extractor<T>> known, ErrorCode notFound,
                                                Rejection notFoundSentence,
                                                Function<T, Map<String, Object>> fields,
                                                Function<T, Map<String, String>> tags) {
        List<Extractor<T>> extractors = new ArrayList<>();
        List<Set<String>> wanted = new ArrayList<>();
        for (Map.Entry<String, List<String>> filter : r.filters().entrySet()) {
            String name = filter.getKey();
            Extractor<T> extractor = known.get(name);
            if (extractor == null && name.startsWith("tag:") && name.length() > 4
                    && (r.kind() == Kind.INTERFACES || r.kind() == Kind.INSTANCES)) {
                String key = name.substring(4);
                extractor = (topology, object) -> {
                    String value = tags.apply(object).get(key);
                    return value == null ? List.of() : List.of(value);
                };
            }
            if (extractor == null) {
                throw reject(INVALID_PARAMETER_VALUE, FILTER_NOT_VALID, name, r.kind(), String.join(", ", known.keySet())
                        + (r.kind() == Kind.INTERFACES || r.kind() == Kind.INSTANCES ? ", tag:<key>" : ""));
            }
            extractors.add(extractor);
            wanted.add(new HashSet<>(filter.getValue()));
        }
        List<T> candidates = new ArrayList<>();
        if (r.ids().isEmpty()) {
            candidates.addAll(narrowed(t, r, objects));
        } else {
            Set<I> named = new HashSet<>();
            for (String text : r.ids()) {
                I key;
                try {
                    key = id.apply(text);
                } catch (IllegalArgumentException e) {
                    throw reject(notFound, notFoundSentence, text);
                }
                T found = objects.get(key);
                if (found == null) {
                    throw reject(notFound, notFoundSentence, text);
                }
                if (named.add(key)) {
                    candidates.add(found);
                }
            }
        }
        List<Map<String, Object>> rows = new ArrayList<>();
        for (T candidate : candidates) {
            if (matches(t, candidate, extractors, wanted)) {
                rows.add(fields.apply(candidate));
            }
        }
        return new DescribeAnswer(r.kind(), rows);
    }

    /**
     * The objects a describe has to look at: for interfaces filtered by subnet or attached instance,
     * only those the indexes name (the filters are still applied to them); else all of the kind.
     */
    @SuppressWarnings("unchecked")
    private static <I, T> java.util.Collection<T> narrowed(Topology t, Describe r, Map<I, T> objects) {
        if (r.kind() != Kind.INTERFACES) {
            return objects.values();
        }
        // Collected by id: hashing whole records would cost more than the filtering saves.
        List<String> subnets = r.filters().get("subnet-id");
        if (subnets != null) {
            // A record is in one subnet: distinct subnets give distinct records.
            List<InterfaceRecord> found = new ArrayList<>();
            for (String subnet : new java.util.LinkedHashSet<>(subnets)) {
                try {
                    found.addAll(t.interfacesIn(SubnetId.subnetId(subnet)));
                } catch (IllegalArgumentException e) {
                    // not a valid id: matches nothing
                }
            }
            return (java.util.Collection<T>) found;
        }
        List<String> instances = r.filters().get("attachment.instance-id");
        if (instances != null) {
            Map<InterfaceId, InterfaceRecord> found = new LinkedHashMap<>();
            for (String instance : instances) {
                try {
                    t.attachmentsOn(InstanceId.instanceId(instance))
                            .forEach(a -> found.putIfAbsent(a.iface(), t.interfaces().get(a.iface())));
                } catch (IllegalArgumentException e) {
                    // not a valid id: matches nothing
                }
            }
            return (java.util.Collection<T>) found.values();
        }
        return objects.values();
    }

    /** {@code values} as text, without a stream: filters run on every candidate of a large lab. */
    private static <V> List<String> strings(List<V> values, Function<V, String> text) {
        if (values.size() == 1) {
            return List.of(text.apply(values.get(0)));
        }
        List<String> out = new ArrayList<>(values.size());
        for (V value : values) {
            out.add(text.apply(value));
        }
        return out;
    }

    private static <T> boolean matches(Topology t, T object, List<Extractor<T>> extractors, List<Set<String>> wanted) {
        for (int i = 0; i < extractors.size(); i++) {
            boolean any = false;
            for (String value : extractors.get(i).apply(t, object)) {
                if (wanted.get(i).contains(value)) {
                    any = true;
                    break;
                }
            }
            if (!any) {
                return false;
            }
        }
        return true;
    }
}
