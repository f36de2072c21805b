package org.viflab.model;

/** Identifies a logical partition (a VPC). */
public record PartitionId(String value) implements Id {

    public PartitionId {
        Id.check(Naming.PARTITION, value);
    }

    public static PartitionId partitionId(String value) {
        return new PartitionId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
