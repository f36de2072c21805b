package org.viflab.flow;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.viflab.fabric.FabricKey;
import org.viflab.model.InstanceId;
import org.viflab.model.InterfaceId;
import org.viflab.model.SecurityGroupId;

/**
 * The walk of one flow through the fabric: its hops, how it ended and why. Immutable; the
 * constructor checks the invariants (hops numbered from 1, the explanation's code is the
 * disposition, a delivered trace ends with a DELIVERED hop and names where it landed, a failed one
 * ends with a DROPPED or DENIED hop, and so on).
 *
 * <p>Besides the hops a trace reports what scenario expectations and the GUI ask: the interfaces it
 * passed ({@link #path()}), where it landed ({@link #landing()}: every instance of a multi-attach
 * record, {@link #deliveredTo()}: the one chosen), the group that denied it and where it exited. It
 * also lists the parts of the fabric it read ({@link #touched()}), so watched flows know when to
 * trace again.
 */
public final class Trace {

    /** Where an {@link Disposition#EXITED} packet went. */
    public enum Exit { INTERNET, VPN }

    private final ResolvedFlow flow;
    private final Disposition disposition;
    private final List<Hop> hops;
    private final Explanation explanation;
    private final List<Crossing> crossings;
    private final Set<InstanceId> landing;
    private final InstanceId deliveredTo;
    private final InterfaceId deliveredInterface;
    private final SecurityGroupId deniedBy;
    private final Exit exit;
    private final List<FabricKey> touched;

    /**
     * @param landing            the instances of the record the packet was delivered to (empty unless delivered)
     * @param deliveredTo        the instance that received it ({@code null} unless delivered)
     * @param deliveredInterface the record it was received on ({@code null} unless delivered)
     * @param deniedBy           the group named by a DENIED_IN / DENIED_OUT ({@code null} otherwise,
     *                           or when no groups were loaded at all)
     * @param exit               where an EXITED packet went ({@code null} otherwise)
     * @param touched            fabric keys the walk read (may repeat)
     */
    public Trace(ResolvedFlow flow, Disposition disposition, List<Hop> hops, Explanation explanation,
                 List<Crossing> crossings, Set<InstanceId> landing, InstanceId deliveredTo,
                 InterfaceId deliveredInterface, SecurityGroupId deniedBy, Exit exit, List<FabricKey> touched) {
        this.flow = Objects.requireNonNull(flow, "flow");
        this.disposition = Objects.requireNonNull(disposition, "disposition");
        this.hops = List.copyOf(hops);
        this.explanation = Objects.requireNonNull(explanation, "explanation");
        this.crossings = List.copyOf(crossings);
        this.landing = Collections.unmodifiableSet(new TreeSet<>(landing));
        this.deliveredTo = deliveredTo;
        this.deliveredInterface = deliveredInterface;
        this.deniedBy = deniedBy;
        this.exit = exit;
        this.touched = List.copyOf(touched);
        check();
    }

    private void check() {
        if (hops.isEmpty()) {
            throw new IllegalArgumentException("a trace has at least one hop");
        }
        for (int i = 0; i < hops.size(); i++) {
            if (hops.get(i).seq() != i + 1) {
                throw new IllegalArgumentException("hop " + (i + 1) + " is numbered " + hops.get(i).seq());
            }
        }
        if (explanation.code() != disposition) {
            throw new IllegalArgumentException("explanation " + explanation.code() + " for a " + disposition + " trace");
        }
        Hop.Action last = hops.get(hops.size() - 1).action();
        boolean delivered = disposition == Disposition.DELIVERED;
        if (delivered != (last == Hop.Action.DELIVERED)) {
            throw new IllegalArgumentException("a trace ends with a DELIVERED hop exactly when it is delivered");
        }
        for (int i = 0; i < hops.size() - 1; i++) {
            if (hops.get(i).action() == Hop.Action.DELIVERED) {
                throw new IllegalArgumentException("only the last hop may deliver");
            }
        }
        if (delivered != (deliveredTo != null) || delivered != (deliveredInterface != null)
                || delivered == landing.isEmpty()) {
            throw new IllegalArgumentException("a delivered trace, and only it, names the instance and interface it landed on");
        }
        if (delivered && !landing.contains(deliveredTo)) {
            throw new IllegalArgumentException(deliveredTo + " received the packet but is not in the landing " + landing);
        }
        if ((disposition == Disposition.EXITED) != (exit != null)) {
            throw new IllegalArgumentException("an exited trace, and only it, says where it exited");
        }
        if (deniedBy != null && disposition != Disposition.DENIED_IN && disposition != Disposition.DENIED_OUT) {
            throw new IllegalArgumentException("only a denied trace names a denying group");
        }
        if (!disposition.isSuccessful() && last != Hop.Action.DROPPED && last != Hop.Action.DENIED) {
            throw new IllegalArgumentException("a failed trace ends with a DROPPED or DENIED hop, not " + last);
        }
    }

    /** The flow as the user named it. */
    public Flow flow() {
        return flow.flow();
    }

    /** The flow as resolved against the topology. */
    public ResolvedFlow resolved() {
        return flow;
    }

    public Disposition disposition() {
        return disposition;
    }

    public List<Hop> hops() {
        return hops;
    }

    public Explanation explanation() {
        return explanation;
    }

    public List<Crossing> crossings() {
        return crossings;
    }

    /** The interface records the packet reached, in order (the {@code path} expectation). */
    public List<InterfaceId> path() {
        List<InterfaceId> path = new ArrayList<>(crossings.size());
        for (Crossing crossing : crossings) {
            if (path.isEmpty() || !path.get(path.size() - 1).equals(crossing.iface())) {
                path.add(crossing.iface());
            }
        }
        return List.copyOf(path);
    }

    /**
     * Where the flow lands: the instances of the record it was delivered to (all of them for a
     * multi-attach record), empty when it was not delivered.
     */
    public Set<InstanceId> landing() {
        return landing;
    }

    public Optional<InstanceId> deliveredTo() {
        return Optional.ofNullable(deliveredTo);
    }

    public Optional<InterfaceId> deliveredInterface() {
        return Optional.ofNullable(deliveredInterface);
    }

    public Optional<SecurityGroupId> deniedBy() {
        return Optional.ofNullable(deniedBy);
    }

    public Optional<Exit> exit() {
        return Optional.ofNullable(exit);
    }

    /** The fabric keys the walk read, possibly repeated. */
    public List<FabricKey> touched() {
        return touched;
    }

    /**
     * The trace as text: a title line, one line per hop (number, action, component, header after
     * the hop, detail), then the disposition with its deciding object, the sentence, and the path
     * and landing when there are any. Golden files hold this form.
     */
    public String toText() {
        StringBuilder out = new StringBuilder(512);
        out.append("trace ").append(flow.flow()).append('\n');
        for (Hop hop : hops) {
            String component = hop.componentKind().label() + " " + hop.componentId();
            String header = hop.src() + " → " + hop.dst();
            out.append(String.format("%3d  %-11s  %-30s  %-31s  %s%n", hop.seq(), hop.action(), component, header,
                    hop.detail()));
        }
        out.append(disposition).append(" (").append(explanation.decidingObject()).append("): ")
                .append(explanation.sentence()).append('\n');
        if (!crossings.isEmpty()) {
            out.append("path: ").append(String.join(", ", path().stream().map(InterfaceId::value).toList())).append('\n');
        }
        if (!landing.isEmpty()) {
            out.append("lands: ").append(String.join(", ", landing.stream().map(InstanceId::value).toList()))
                    .append('\n');
        }
        return out.toString();
    }

    /** Content equality over everything the trace reports. */
    @Override
    public boolean equals(Object other) {
        if (this == other) {
            return true;
        }
        return other instanceof Trace t && flow.equals(t.flow) && disposition == t.disposition && hops.equals(t.hops)
                && explanation.equals(t.explanation) && crossings.equals(t.crossings) && landing.equals(t.landing)
                && Objects.equals(deliveredTo, t.deliveredTo) && Objects.equals(deliveredInterface, t.deliveredInterface)
                && Objects.equals(deniedBy, t.deniedBy) && exit == t.exit;
    }

    @Override
    public int hashCode() {
        return Objects.hash(flow, disposition, hops, explanation, crossings, landing);
    }

    @Override
    public String toString() {
        return "Trace{" + flow.flow() + " " + disposition + (landing.isEmpty() ? "" : " lands " + landing) + "}";
    }
}
