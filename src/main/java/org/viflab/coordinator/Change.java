package org.viflab.coordinator;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.viflab.model.AttachmentId;
import org.viflab.model.ConfigOperation;
import org.viflab.model.InterfaceId;
import org.viflab.model.PrincipalId;
import org.viflab.model.Topology;

/**
 * The work area of one request: the snapshot it started from, the next snapshot being built, and
 * what the request reports (operations, inverse, warnings, created id, propagation tags).
 */
final class Change {

    final Topology before;
    final Topology.Builder next;
    final PrincipalId as;
    final List<ConfigOperation> operations = new ArrayList<>();
    final List<Request> inverse = new ArrayList<>();
    final List<String> warnings = new ArrayList<>();
    final List<AttachmentId> attaching = new ArrayList<>();
    final List<InterfaceId> detaching = new ArrayList<>();
    final List<AttachmentId> cancelled = new ArrayList<>();
    Optional<String> createdId = Optional.empty();
    Optional<DescribeAnswer> answer = Optional.empty();
    boolean immediate;
    private Topology current;

    Change(Topology before, PrincipalId as) {
        this.before = before;
        this.next = before.toBuilder();
        this.as = as;
        this.current = before;
    }

    /** The state as changed so far (rebuilt only when something was put since the last call). */
    Topology now() {
        current = next.peek();
        return current;
    }

    void emit(ConfigOperation op) {
        operations.add(op);
    }

    void emitAll(List<? extends ConfigOperation> ops) {
        operations.addAll(ops);
    }

    /** Generates the next id of a kind: {@code prefix-} and 8 hex digits, sequential per lab. */
    String generateId(String prefix, java.util.function.Predicate<String> taken) {
        String id;
        do {
            long seq = next.idSequence() + 1;
            next.idSequence(seq);
            id = sequenced(prefix, seq);
        } while (taken.test(id));
        return id;
    }

    /** {@code prefix-} and {@code seq} in lower-case hex, at least 8 digits (as {@code %s-%08x} formats it). */
    static String sequenced(String prefix, long seq) {
        String hex = Long.toHexString(seq);
        StringBuilder id = new StringBuilder(prefix.length() + 1 + Math.max(8, hex.length())).append(prefix).append('-');
        for (int i = hex.length(); i < 8; i++) {
            id.append('0');
        }
        return id.append(hex).toString();
    }
}
