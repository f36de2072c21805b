package org.viflab.model;

/** Identifies a security group. */
public record SecurityGroupId(String value) implements Id {

    public SecurityGroupId {
        Id.check(Naming.SECURITY_GROUP, value);
    }

    public static SecurityGroupId securityGroupId(String value) {
        return new SecurityGroupId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
