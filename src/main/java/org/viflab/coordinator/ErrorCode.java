package org.viflab.coordinator;

/** Why a request was rejected, spelled as AWS EC2 spells it where AWS has a code. */
public enum ErrorCode {
    INVALID_NETWORK_INTERFACE_ID_NOT_FOUND("InvalidNetworkInterfaceID.NotFound"),
    INVALID_INSTANCE_ID_NOT_FOUND("InvalidInstanceID.NotFound"),
    INVALID_SUBNET_ID_NOT_FOUND("InvalidSubnetID.NotFound"),
    INVALID_GROUP_NOT_FOUND("InvalidGroup.NotFound"),
    INVALID_VPC_ID_NOT_FOUND("InvalidVpcID.NotFound"),
    INVALID_PLATFORM_ID_NOT_FOUND("InvalidPlatformID.NotFound"),
    INVALID_ATTACHMENT_ID_NOT_FOUND("InvalidAttachmentID.NotFound"),
    INVALID_PARAMETER_VALUE("InvalidParameterValue"),
    INVALID_PARAMETER("InvalidParameter"),
    INVALID_PARAMETER_COMBINATION("InvalidParameterCombination"),
    INVALID_IP_ADDRESS_IN_USE("InvalidIPAddress.InUse"),
    INVALID_SUBNET_RANGE("InvalidSubnet.Range"),
    INVALID_SUBNET_CONFLICT("InvalidSubnet.Conflict"),
    INVALID_NETWORK_INTERFACE_IN_USE("InvalidNetworkInterface.InUse"),
    ATTACHMENT_LIMIT_EXCEEDED("AttachmentLimitExceeded"),
    PRIVATE_IP_ADDRESS_LIMIT_EXCEEDED("PrivateIpAddressLimitExceeded"),
    OPERATION_NOT_PERMITTED("OperationNotPermitted"),
    DEPENDENCY_VIOLATION("DependencyViolation"),
    UNAUTHORIZED_OPERATION("UnauthorizedOperation"),
    INCORRECT_INSTANCE_STATE("IncorrectInstanceState"),
    INCORRECT_STATE("IncorrectState"),
    INSUFFICIENT_INSTANCE_CAPACITY("InsufficientInstanceCapacity"),
    INSUFFICIENT_FREE_ADDRESSES_IN_SUBNET("InsufficientFreeAddressesInSubnet"),
    SECURITY_GROUPS_PER_INTERFACE_LIMIT_EXCEEDED("SecurityGroupsPerInterfaceLimitExceeded"),
    INVALID_VPC_RANGE("InvalidVpc.Range"),
    RESOURCE_ALREADY_ASSOCIATED("Resource.AlreadyAssociated"),
    IDEMPOTENT_PARAMETER_MISMATCH("IdempotentParameterMismatch"),
    DRY_RUN_OPERATION("DryRunOperation");

    private final String code;

    ErrorCode(String code) {
        this.code = code;
    }

    /** The AWS-style code, e.g. {@code InvalidNetworkInterfaceID.NotFound}. */
    public String code() {
        return code;
    }

    public static java.util.Optional<ErrorCode> fromCode(String code) {
        for (ErrorCode value : values()) {
            if (value.code.equals(code)) {
                return java.util.Optional.of(value);
            }
        }
        return java.util.Optional.empty();
    }

    @Override
    public String toString() {
        return code;
    }
}
