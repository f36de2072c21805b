package org.viflab.scenario;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.viflab.coordinator.ErrorCode;
import org.viflab.model.InstanceId;
import org.viflab.model.InterfaceId;
import org.viflab.model.SecurityGroupId;
import org.viflab.model.Sentence;
import org.viflab.model.SubnetId;

/**
 * What a step expects, one component per key of the expectations table of scenario-format.md.
 * An absent {@code Optional} or an empty map checks nothing; an present empty list or set is an
 * expectation of its own ({@code ids: []}: the answer is empty; {@code changed: []}: no watched
 * flow changed; {@code configOps: []}: no configuration operation).
 *
 * @param error        the request is rejected with this code (and nothing changes)
 * @param ok           {@code ok: true}: accepted; {@code ok: false}: rejected with any code
 * @param lands        watched flow name → the instances it is delivered to (empty: {@code nowhere})
 * @param dispositions watched flow name → its disposition ({@code disposition: {flow: X}})
 * @param disposition  on a trace step: how the trace ends ({@code disposition: X})
 * @param deliveredTo  on a trace step: the instance it is delivered to
 * @param path         on a trace step: the interfaces the packet passes, in order
 * @param deniedBy     on a trace step: the group that denies it
 * @param exitsTo      on a trace step: where it leaves the provider network
 * @param ids          on a describe step: exactly these ids, in any order
 * @param fields       object id → field name → value now, values as read (text, {@code Long},
 *                     {@code Double}, {@code Boolean}, lists and maps of them); field names as in
 *                     "Field names" of scenario-format.md
 * @param configOps    the configuration operations the request initiated, in order, as
 *                     {@code "<target> <action>"} ({@link org.viflab.model.ConfigOperation#summary()})
 * @param changed      exactly these watched flows changed landing place or disposition
 * @param available    subnet → its number of free addresses
 */
public record Expectations(Optional<ErrorCode> error, Optional<Boolean> ok, Map<String, Set<InstanceId>> lands,
                           Map<String, String> dispositions, Optional<String> disposition,
                           Optional<InstanceId> deliveredTo, Optional<List<InterfaceId>> path,
                           Optional<SecurityGroupId> deniedBy, Optional<ExitTarget> exitsTo,
                           Optional<Set<String>> ids, Map<String, Map<String, Object>> fields,
                           Optional<List<String>> configOps, Optional<Set<String>> changed,
                           Map<SubnetId, Long> available) {

    /** The flow dispositions of packet-flow.md, as {@code disposition} expectations spell them. */
    public static final List<String> DISPOSITIONS = List.of("DELIVERED", "EXITED", "DENIED_OUT", "DENIED_IN",
            "SPOOF_BLOCKED", "NO_ROUTE", "UNASSIGNED", "DETACHED", "NOT_RUNNING", "NOT_PLUGGED", "NIC_DOWN", "LOOP");

    /** Expects nothing but success. */
    public static final Expectations NONE = new Expectations(Optional.empty(), Optional.empty(), Map.of(), Map.of(),
            Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
            Map.of(), Optional.empty(), Optional.empty(), Map.of());

    /** Where a trace leaves the provider network ({@code exitsTo}). */
    public enum ExitTarget {
        INTERNET, VPN;

        public static ExitTarget parse(String text) {
            return switch (text == null ? "" : text) {
                case "internet" -> INTERNET;
                case "vpn" -> VPN;
                default -> throw new IllegalArgumentException(Sentence.of(Problem.NOT_AN_EXIT, text).english());
            };
        }

        @Override
        public String toString() {
            return this == INTERNET ? "internet" : "vpn";
        }
    }

    public Expectations {
        Objects.requireNonNull(error, "error");
        Objects.requireNonNull(ok, "ok");
        Objects.requireNonNull(disposition, "disposition");
        Objects.requireNonNull(deliveredTo, "deliveredTo");
        Objects.requireNonNull(deniedBy, "deniedBy");
        Objects.requireNonNull(exitsTo, "exitsTo");
        if (disposition.isPresent() && !dispositions.isEmpty()) {
            throw new IllegalArgumentException("a step expects a single disposition (trace) or one per watched flow, not both");
        }
        lands = orderedMap(lands, Expectations::orderedSet);
        dispositions = orderedMap(dispositions, v -> v);
        path = path.map(List::copyOf);
        ids = ids.map(Expectations::orderedSet);
        fields = orderedMap(fields, PlainValues::normalizeMap);
        configOps = configOps.map(ops -> ops.stream().map(op -> String.join(" ", op.strip().split("\\s+"))).toList());
        changed = changed.map(Expectations::orderedSet);
        available = orderedMap(available, v -> v);
    }

    /** Whether the step expects its request to be accepted ({@code ok} unless an error is expected). */
    public boolean expectsSuccess() {
        return error.isEmpty() && ok.orElse(true);
    }

    /** Whether nothing beyond success is expected. */
    public boolean isEmpty() {
        return equals(NONE);
    }

    private static <T> Set<T> orderedSet(Set<T> values) {
        return Collections.unmodifiableSet(new LinkedHashSet<>(values));
    }

    private static <K, V> Map<K, V> orderedMap(Map<K, V> values, java.util.function.UnaryOperator<V> copy) {
        Map<K, V> out = new LinkedHashMap<>();
        values.forEach((k, v) -> out.put(Objects.requireNonNull(k), copy.apply(Objects.requireNonNull(v))));
        return Collections.unmodifiableMap(out);
    }
}
