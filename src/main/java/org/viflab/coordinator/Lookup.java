package org.viflab.coordinator;

import static org.viflab.coordinator.ErrorCode.INVALID_ATTACHMENT_ID_NOT_FOUND;
import static org.viflab.coordinator.ErrorCode.INVALID_GROUP_NOT_FOUND;
import static org.viflab.coordinator.ErrorCode.INVALID_INSTANCE_ID_NOT_FOUND;
import static org.viflab.coordinator.ErrorCode.INVALID_NETWORK_INTERFACE_ID_NOT_FOUND;
import static org.viflab.coordinator.ErrorCode.INVALID_PARAMETER_VALUE;
import static org.viflab.coordinator.ErrorCode.INVALID_PLATFORM_ID_NOT_FOUND;
import static org.viflab.coordinator.ErrorCode.INVALID_SUBNET_ID_NOT_FOUND;
import static org.viflab.coordinator.ErrorCode.INVALID_VPC_ID_NOT_FOUND;
import static org.viflab.coordinator.ErrorCode.UNAUTHORIZED_OPERATION;
import static org.viflab.coordinator.Rejection.*;

import org.viflab.model.Attachment;
import org.viflab.model.AttachmentId;
import org.viflab.model.InstanceId;
import org.viflab.model.InterfaceId;
import org.viflab.model.InterfaceRecord;
import org.viflab.model.Partition;
import org.viflab.model.PartitionId;
import org.viflab.model.PlatformId;
import org.viflab.model.PrincipalId;
import org.viflab.model.ResourceInstance;
import org.viflab.model.SecurityGroup;
import org.viflab.model.SecurityGroupId;
import org.viflab.model.Sentence;
import org.viflab.model.ServicePlatform;
import org.viflab.model.Subnet;
import org.viflab.model.SubnetId;
import org.viflab.model.Topology;

/** Finding the objects a request names (or rejecting it with the kind's {@code …NotFound}), and who may act. */
final class Lookup {

    private Lookup() {
    }

    static Violation reject(ErrorCode code, Rejection sentence, Object... args) {
        return new Violation(code, Sentence.of(sentence, args));
    }

    static InterfaceRecord iface(Topology t, InterfaceId id) {
        InterfaceRecord found = t.interfaces().get(id);
        if (found == null) {
            throw reject(INVALID_NETWORK_INTERFACE_ID_NOT_FOUND, INTERFACE_DOES_NOT_EXIST, id);
        }
        return found;
    }

    static ResourceInstance instance(Topology t, InstanceId id) {
        ResourceInstance found = t.instances().get(id);
        if (found == null) {
            throw reject(INVALID_INSTANCE_ID_NOT_FOUND, INSTANCE_DOES_NOT_EXIST, id);
        }
        return found;
    }

    static Subnet subnet(Topology t, SubnetId id) {
        Subnet found = t.subnets().get(id);
        if (found == null) {
            throw reject(INVALID_SUBNET_ID_NOT_FOUND, SUBNET_DOES_NOT_EXIST, id);
        }
        return found;
    }

    static Partition partition(Topology t, PartitionId id) {
        Partition found = t.partitions().get(id);
        if (found == null) {
            throw reject(INVALID_VPC_ID_NOT_FOUND, PARTITION_DOES_NOT_EXIST, id);
        }
        return found;
    }

    static SecurityGroup group(Topology t, SecurityGroupId id) {
        SecurityGroup found = t.securityGroups().get(id);
        if (found == null) {
            throw reject(INVALID_GROUP_NOT_FOUND, SECURITY_GROUP_DOES_NOT_EXIST, id);
        }
        return found;
    }

    static ServicePlatform platform(Topology t, PlatformId id) {
        ServicePlatform found = t.platforms().get(id);
        if (found == null) {
            throw reject(INVALID_PLATFORM_ID_NOT_FOUND, PLATFORM_DOES_NOT_EXIST, id);
        }
        return found;
    }

    static Attachment attachment(Topology t, AttachmentId id) {
        Attachment found = t.attachments().get(id);
        if (found == null) {
            throw reject(INVALID_ATTACHMENT_ID_NOT_FOUND, ATTACHMENT_DOES_NOT_EXIST, id);
        }
        return found;
    }

    /** The principal must exist; a request may name only principals the lab knows. */
    static void knownPrincipal(Topology t, PrincipalId principal) {
        if (!t.principals().contains(principal)) {
            throw reject(INVALID_PARAMETER_VALUE, PRINCIPAL_DOES_NOT_EXIST, principal);
        }
    }

    static boolean isOperator(PrincipalId principal) {
        return Topology.OPERATOR.equals(principal);
    }

    /** Only the operator, or {@code owner} itself, may act. */
    static void ownerOrOperator(PrincipalId as, PrincipalId owner, Sentence what) {
        if (!isOperator(as) && !as.equals(owner)) {
            throw reject(UNAUTHORIZED_OPERATION, NOT_ALLOWED_TO_CHANGE, as, what, owner);
        }
    }

    static void operatorOnly(PrincipalId as, Rejection what) {
        if (!isOperator(as)) {
            throw reject(UNAUTHORIZED_OPERATION, ONLY_OPERATOR_MAY, Sentence.of(what), as);
        }
    }

    /** The owner of a partition (or the operator) may change what is in it. */
    static void partitionOwner(Topology t, PrincipalId as, PartitionId partition) {
        Partition p = partition(t, partition);
        if (!isOperator(as) && !as.equals(p.owner())) {
            throw reject(UNAUTHORIZED_OPERATION, NOT_ALLOWED_TO_CHANGE_PARTITION, as, partition, p.owner());
        }
    }

    /** Owner or one of the record's attachers. */
    static boolean mayAttach(PrincipalId as, InterfaceRecord record) {
        return isOperator(as) || as.equals(record.owner()) || record.attachers().contains(as);
    }

    /** Owner or one of the record's IP setters. */
    static boolean maySetIps(PrincipalId as, InterfaceRecord record) {
        return isOperator(as) || as.equals(record.owner()) || record.ipSetters().contains(as);
    }

    /** A requester-managed record belongs to a provider service: users cannot change it. */
    static void notRequesterManaged(PrincipalId as, InterfaceRecord record, Rejection action) {
        if (record.requesterManaged() && !isOperator(as)) {
            throw reject(ErrorCode.OPERATION_NOT_PERMITTED, INTERFACE_MANAGED_PROVIDER_SERVICE_CANNOT, record.id(),
                    Sentence.of(action), as);
        }
    }
}
