package org.viflab.coordinator;

import static org.viflab.coordinator.ErrorCode.ATTACHMENT_LIMIT_EXCEEDED;
import static org.viflab.coordinator.ErrorCode.INCORRECT_INSTANCE_STATE;
import static org.viflab.coordinator.ErrorCode.INSUFFICIENT_INSTANCE_CAPACITY;
import static org.viflab.coordinator.ErrorCode.INVALID_PARAMETER_COMBINATION;
import static org.viflab.coordinator.ErrorCode.INVALID_PARAMETER_VALUE;
import static org.viflab.coordinator.Lookup.reject;
import static org.viflab.coordinator.Rejection.*;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.viflab.coordinator.Request.InterfaceSpec;
import org.viflab.coordinator.Request.Launch;
import org.viflab.coordinator.Request.Move;
import org.viflab.coordinator.Request.Place;
import org.viflab.coordinator.Request.Start;
import org.viflab.coordinator.Request.Stop;
import org.viflab.coordinator.Request.Terminate;
import org.viflab.model.Attachment;
import org.viflab.model.AttachmentId;
import org.viflab.model.InstanceId;
import org.viflab.model.InstanceState;
import org.viflab.model.InstanceType;
import org.viflab.model.InterfaceRecord;
import org.viflab.model.PlatformId;
import org.viflab.model.PrincipalId;
import org.viflab.model.ResourceInstance;
import org.viflab.model.Sentence;
import org.viflab.model.ServicePlatform;
import org.viflab.model.Topology;

/** Launching, placing, starting, stopping, terminating and moving resource instances. */
final class InstanceRules {

    private InstanceRules() {
    }

    static void launch(Change c, Launch r) {
        Topology t = c.before;
        PrincipalId owner = r.owner().orElse(c.as);
        Lookup.knownPrincipal(t, owner);
        Lookup.ownerOrOperator(c.as, owner, Sentence.of(WHAT_INSTANCES_OF, owner));
        if (r.zone().isBlank()) {
            throw reject(INVALID_PARAMETER_VALUE, INSTANCE_NEEDS_ZONE);
        }
        if (r.type().isBlank()) {
            throw reject(INVALID_PARAMETER_VALUE, INSTANCE_NEEDS_TYPE);
        }
        if (r.state() == InstanceState.TERMINATED) {
            throw reject(INVALID_PARAMETER_VALUE, INSTANCE_CANNOT_LAUNCHED_TERMINATED);
        }
        if (InstanceType.known(r.type()).isEmpty()) {
            c.warnings.add("Instance type '" + r.type() + "' is not in the built-in table; it gets sim.large's limits ("
                    + InstanceType.limitsOf(r.type()).maxInterfaces() + " interfaces, "
                    + InstanceType.limitsOf(r.type()).maxIpsPerInterface() + " addresses each).");
        }
        InstanceType limits = InstanceType.limitsOf(r.type());
        if (r.interfaces().isEmpty()) {
            throw reject(INVALID_PARAMETER_VALUE, INSTANCE_LAUNCHED_LEAST_INTERFACE_DEVICE);
        }
        if (r.interfaces().size() > limits.maxInterfaces()) {
            throw reject(ATTACHMENT_LIMIT_EXCEEDED, TYPE_ALLOWS_INTERFACES_LAUNCH_ASKS, r.type(),
                    limits.maxInterfaces(), r.interfaces().size());
        }
        InstanceId id = r.id().orElseGet(() -> InstanceId.instanceId(
                c.generateId("vm", s -> t.instances().containsKey(InstanceId.instanceId(s)))));
        // The id of a terminated instance may be launched again (the old one is gone for good): that
        // is how redo brings back an instance whose launch was undone, under the id later steps name.
        if (t.instances().containsKey(id) && t.instances().get(id).state() != InstanceState.TERMINATED) {
            throw reject(INVALID_PARAMETER_VALUE, INSTANCE_ALREADY_EXISTS, id);
        }
        Optional<PlatformId> platform = Optional.empty();
        if (r.platform().isPresent()) {
            platform = Optional.of(checkPlatform(t, r.platform().get(), r.zone(), id).id());
        } else if (r.state() == InstanceState.RUNNING) {
            platform = Optional.of(schedule(t, r.zone(), id, Optional.empty()).id());
        }
        ResourceInstance instance = new ResourceInstance(id, owner, r.type(), r.zone(), platform, r.state(), r.tags());
        c.next.putInstance(instance);
        List<InterfaceRecord> created = new ArrayList<>();
        for (int device = 0; device < r.interfaces().size(); device++) {
            InterfaceSpec spec = r.interfaces().get(device);
            InterfaceRecord record = InterfaceRules.newRecord(c, spec, owner);
            if (!record.zone().equals(r.zone())) {
                throw reject(INVALID_PARAMETER_COMBINATION, SUBNET_ZONE_BUT_INSTANCE, record.subnet(), record.zone(),
                        r.zone());
            }
            if (record.privateIps().size() > limits.maxIpsPerInterface()) {
                throw reject(ErrorCode.PRIVATE_IP_ADDRESS_LIMIT_EXCEEDED, TYPE_ALLOWS_ADDRESSES_PER_INTERFACE,
                        r.type(), limits.maxIpsPerInterface(), record.id(), record.privateIps().size());
            }
            Topology now = c.now();
            AttachmentId attachmentId = AttachmentId.attachmentId(
                    c.generateId("attach", s -> now.attachments().containsKey(AttachmentId.attachmentId(s))));
            c.next.putAttachment(new Attachment(attachmentId, record.id(), id, c.as, device, spec.deleteOnTermination()));
            created.add(record);
        }
        Topology after = c.now();
        if (instance.isActive()) {
            c.emit(new org.viflab.model.ConfigOperation.RunOp(platform.get(), id, true));
        }
        for (InterfaceRecord record : created) {
            c.emitAll(ConfigOperations.map(after, record));
            c.emitAll(ConfigOperations.nat(record));
        }
        for (Attachment attachment : after.attachmentsOn(id)) {
            c.emitAll(ConfigOperations.plug(after, attachment));
        }
        c.inverse.add(new Terminate(id));
        c.createdId = Optional.of(id.value());
    }

    private static ServicePlatform checkPlatform(Topology t, PlatformId platformId, String zone, InstanceId instance) {
        ServicePlatform platform = Lookup.platform(t, platformId);
        if (!platform.zone().equals(zone)) {
            throw reject(INVALID_PARAMETER_COMBINATION, PLATFORM_ZONE_BUT_INSTANCE, platform.id(), platform.zone(),
                    instance, zone);
        }
        long used = t.instancesOn(platform.id()).stream().filter(i -> !i.id().equals(instance)).count();
        if (used >= platform.capacity()) {
            throw reject(INSUFFICIENT_INSTANCE_CAPACITY, PLATFORM_FULL_INSTANCES, platform.id(), platform.capacity());
        }
        return platform;
    }

    /** The scheduler: a platform of the zone with capacity left, the least loaded first, then by id. */
    private static ServicePlatform schedule(Topology t, String zone, InstanceId instance, Optional<PlatformId> except) {
        return t.platforms().values().stream()
                .filter(p -> p.zone().equals(zone))
                .filter(p -> except.map(e -> !e.equals(p.id())).orElse(true))
                .filter(p -> t.instancesOn(p.id()).size() < p.capacity())
                .min(Comparator.comparingInt((ServicePlatform p) -> t.instancesOn(p.id()).size())
                        .thenComparing(ServicePlatform::id))
                .orElseThrow(() -> reject(INSUFFICIENT_INSTANCE_CAPACITY, NO_PLATFORM_ZONE_CAPACITY_LEFT, zone,
                        instance));
    }

    private static ResourceInstance ownedInstance(Change c, InstanceId id) {
        ResourceInstance instance = Lookup.instance(c.before, id);
        Lookup.ownerOrOperator(c.as, instance.owner(), Sentence.of(WHAT_INSTANCE, id));
        return instance;
    }

    private static void notTerminated(ResourceInstance instance, Rejection action) {
        if (instance.state() == InstanceState.TERMINATED) {
            throw reject(INCORRECT_INSTANCE_STATE, INSTANCE_TERMINATED_CANNOT_BE, instance.id(), Sentence.of(action));
        }
    }

    static void place(Change c, Place r) {
        Topology t = c.before;
        ResourceInstance instance = ownedInstance(c, r.instance());
        notTerminated(instance, AS_PLACED);
        if (instance.platform().isPresent()) {
            throw reject(INCORRECT_INSTANCE_STATE, INSTANCE_ALREADY_PLACED_MOVE_INSTEAD, instance.id(),
                    instance.platform().get());
        }
        ServicePlatform platform = r.platform().isPresent()
                ? checkPlatform(t, r.platform().get(), instance.zone(), instance.id())
                : schedule(t, instance.zone(), instance.id(), Optional.empty());
        ResourceInstance placed = instance.withPlatform(Optional.of(platform.id()));
        c.next.putInstance(placed);
        c.emitAll(ConfigOperations.activate(c.now(), placed));
        c.createdId = Optional.of(platform.id().value());
    }

    static void start(Change c, Start r) {
        Topology t = c.before;
        ResourceInstance instance = ownedInstance(c, r.instance());
        notTerminated(instance, AS_STARTED);
        if (instance.state() == InstanceState.RUNNING) {
            return;
        }
        ResourceInstance started = instance.withState(InstanceState.RUNNING);
        if (instance.platform().isEmpty()) {
            started = started.withPlatform(Optional.of(schedule(t, instance.zone(), instance.id(), Optional.empty()).id()));
        }
        c.next.putInstance(started);
        c.emitAll(ConfigOperations.activate(c.now(), started));
        c.inverse.add(new Stop(instance.id()));
    }

    static void stop(Change c, Stop r) {
        ResourceInstance instance = ownedInstance(c, r.instance());
        notTerminated(instance, AS_STOPPED);
        if (instance.state() == InstanceState.STOPPED) {
            return;
        }
        if (instance.state() == InstanceState.PENDING) {
            throw reject(INCORRECT_INSTANCE_STATE, INSTANCE_PENDING_CANNOT_STOP, instance.id());
        }
        c.emitAll(ConfigOperations.deactivate(c.before, instance));
        c.next.putInstance(instance.withState(InstanceState.STOPPED));
        c.inverse.add(new Start(instance.id()));
    }

    static void terminate(Change c, Terminate r) {
        Topology t = c.before;
        ResourceInstance instance = ownedInstance(c, r.instance());
        if (instance.state() == InstanceState.TERMINATED) {
            return;
        }
        c.emitAll(ConfigOperations.deactivate(t, instance));
        List<Attachment> attachments = t.attachmentsOn(instance.id());
        for (Attachment attachment : attachments) {
            c.next.removeAttachment(attachment.id());
        }
        c.next.putInstance(instance.withState(InstanceState.TERMINATED).withPlatform(Optional.empty()));
        Topology after = c.now();
        for (Attachment attachment : attachments) {
            InterfaceRecord record = t.interfaces().get(attachment.iface());
            if (attachment.deleteOnTermination() && after.attachmentsOf(record.id()).isEmpty()) {
                c.next.removeInterface(record.id());
                c.emitAll(ConfigOperations.unnat(record));
                c.emitAll(ConfigOperations.unmap(record, record.privateIps()));
            } else {
                c.emitAll(ConfigOperations.map(after, record));
            }
        }
    }

    static void move(Change c, Move r) {
        Topology t = c.before;
        ResourceInstance instance = ownedInstance(c, r.instance());
        notTerminated(instance, AS_MOVED);
        if (instance.state() == InstanceState.PENDING) {
            throw reject(INCORRECT_INSTANCE_STATE, INSTANCE_PENDING_CANNOT_MOVE, instance.id());
        }
        if (instance.platform().isEmpty()) {
            throw reject(INCORRECT_INSTANCE_STATE, INSTANCE_NOT_PLACED_PLACE_INSTEAD, instance.id());
        }
        PlatformId from = instance.platform().get();
        ServicePlatform target;
        if (r.platform().isPresent()) {
            if (r.platform().get().equals(from)) {
                Lookup.platform(t, from);
                throw reject(INVALID_PARAMETER_VALUE, INSTANCE_ALREADY_ON_PLATFORM, instance.id(), from);
            }
            target = checkPlatform(t, r.platform().get(), instance.zone(), instance.id());
        } else {
            target = schedule(t, instance.zone(), instance.id(), Optional.of(from));
        }
        ResourceInstance moved = instance.withPlatform(Optional.of(target.id()));
        c.next.putInstance(moved);
        c.emitAll(ConfigOperations.deactivate(t, instance));
        c.emitAll(ConfigOperations.activate(c.now(), moved));
        c.inverse.add(new Move(instance.id(), Optional.of(from)));
        c.createdId = Optional.of(target.id().value());
    }
}
