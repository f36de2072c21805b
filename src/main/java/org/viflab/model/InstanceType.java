package org.viflab.model;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Limits of an instance type: how many interfaces it may have and how many private IPv4 addresses
 * each interface may hold. The table holds real AWS rows and two simulator types.
 */
public record InstanceType(String name, int maxInterfaces, int maxIpsPerInterface) {

    public static final List<InstanceType> BUILT_IN = List.of(
            new InstanceType("t3.micro", 2, 2),
            new InstanceType("t3.medium", 3, 6),
            new InstanceType("t3.large", 3, 12),
            new InstanceType("m5.large", 3, 10),
            new InstanceType("m5.4xlarge", 8, 30),
            new InstanceType("c5.large", 3, 10),
            new InstanceType("c5.4xlarge", 8, 30),
            new InstanceType("m5.24xlarge", 15, 50),
            new InstanceType("sim.small", 2, 4),
            new InstanceType("sim.large", 8, 30));

    private static final Map<String, InstanceType> BY_NAME =
            BUILT_IN.stream().collect(Collectors.toUnmodifiableMap(InstanceType::name, Function.identity()));

    /** The built-in type of that name, if there is one. */
    public static Optional<InstanceType> known(String name) {
        return Optional.ofNullable(BY_NAME.get(name));
    }

    /** The limits that apply to {@code name}: its own, or {@code sim.large}'s for an unknown type. */
    public static InstanceType limitsOf(String name) {
        InstanceType known = BY_NAME.get(name);
        return known != null ? known : new InstanceType(name, 8, 30);
    }
}
