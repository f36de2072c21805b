package org.viflab.lab;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.viflab.coordinator.Request;
import org.viflab.model.AttachmentId;
import org.viflab.model.InstanceId;
import org.viflab.model.InterfaceId;
import org.viflab.model.PartitionId;
import org.viflab.model.SecurityGroupId;
import org.viflab.model.SubnetId;
import org.viflab.model.Topology;

/**
 * Rewrites a creating request to name the id the coordinator generated for it, so that redoing it
 * recreates the same object and later steps that name it still apply.
 */
public final class IdPinning {

    private IdPinning() {
    }

    /**
     * As {@link #pinned(Request, Optional)}, and a launch also names the interface records it
     * created for its devices, with their addresses, as {@code after} (the lab after the request)
     * has them: redone, it recreates the same records, which later steps may name.
     */
    public static Request pinned(Request request, Optional<String> created, Topology after) {
        Request pinned = pinned(request, created);
        if (!(pinned instanceof Request.Launch r) || r.id().isEmpty()) {
            return pinned;
        }
        List<Request.InterfaceSpec> specs = new ArrayList<>();
        for (int device = 0; device < r.interfaces().size(); device++) {
            Request.InterfaceSpec spec = r.interfaces().get(device);
            Optional<org.viflab.model.InterfaceRecord> record = after.attachmentAt(r.id().get(), device)
                    .map(a -> after.interfaces().get(a.iface()));
            if (spec.id().isEmpty() && record.isPresent()) {
                spec = spec.withId(record.get().id());
                if (spec.privateIps().isEmpty()) {
                    spec = spec.withPrivateIps(record.get().privateIps());
                }
            }
            specs.add(spec);
        }
        return new Request.Launch(r.id(), r.owner(), r.type(), r.zone(), r.platform(), r.state(), specs, r.tags());
    }

    public static Request pinned(Request request, Optional<String> created) {
        if (created.isEmpty()) {
            return request;
        }
        String id = created.get();
        if (request instanceof Request.CreateInterface r && r.spec().id().isEmpty()) {
            return new Request.CreateInterface(r.spec().withId(InterfaceId.interfaceId(id)));
        }
        if (request instanceof Request.Attach r && r.id().isEmpty()) {
            return new Request.Attach(r.iface(), r.instance(), r.deviceIndex(), r.deleteOnTermination(),
                    Optional.of(AttachmentId.attachmentId(id)));
        }
        if (request instanceof Request.Launch r && r.id().isEmpty()) {
            return new Request.Launch(Optional.of(InstanceId.instanceId(id)), r.owner(), r.type(), r.zone(), r.platform(),
                    r.state(), r.interfaces(), r.tags());
        }
        if (request instanceof Request.CreatePartition r && r.id().isEmpty()) {
            return new Request.CreatePartition(Optional.of(PartitionId.partitionId(id)), r.owner(), r.cidr(),
                    r.internetGateway(), r.vpnOnPremises(), r.defaultGroup());
        }
        if (request instanceof Request.CreateSubnet r && r.id().isEmpty()) {
            return new Request.CreateSubnet(Optional.of(SubnetId.subnetId(id)), r.partition(), r.cidr(), r.zone(), r.routes());
        }
        if (request instanceof Request.CreateSecurityGroup r && r.id().isEmpty()) {
            return new Request.CreateSecurityGroup(Optional.of(SecurityGroupId.securityGroupId(id)), r.partition(),
                    r.description(), r.ingress(), r.egress());
        }
        return request;
    }
}
