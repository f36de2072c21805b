package org.viflab.scenario;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import org.viflab.coordinator.JournalEntry;
import org.viflab.coordinator.Request;
import org.viflab.coordinator.Submission;
import org.viflab.flow.Flow;
import org.viflab.flow.FlowResolver;
import org.viflab.lab.IdPinning;
import org.viflab.model.PrincipalId;
import org.viflab.model.Topology;

/**
 * What was done to a lab since a starting point, kept so that the lab can be saved as a scenario
 * that rebuilds it: the start, the scenario steps played since, and the journal of the requests
 * (those of the steps and those done by hand, in the step syntax) read when saving.
 *
 * <p>Two kinds of start (ADR 0010):
 * <ul>
 *   <li>a scenario that was opened: its topology, principals, description and propagation are the
 *       saved scenario's; its steps that were played are kept as written (narration and
 *       expectations), in their place among the requests done by hand. Replaying the saved file
 *       sends the same requests in the same order as the lab received them, so it arrives at an
 *       equal snapshot, generated ids, version and id counter included;</li>
 *   <li>a lab as it was when it was shown (a lab file, a new or scratch lab): it is written as
 *       {@link LabSnapshot} writes a lab, and the requests done since follow as steps, each naming
 *       the id the coordinator generated for the object it created. What {@link LabSnapshot} cannot
 *       keep (ids of device-0 attachments, who made the starting attachments, version numbers) is
 *       not kept.</li>
 * </ul>
 *
 * <p>Undo sends the inverse request, so an undone request and its undoing are both steps. A
 * principal created after the start is added to the principals. Propagation done by hand (Step,
 * or switching to instant propagation, which drains the queue) is a {@code propagate} step when the
 * saved scenario propagates stepwise; with instant propagation there is nothing to keep.
 *
 * <p>Not thread-safe: one thread records and saves (the app's FX thread).
 */
public final class LabRecording {

    /** A step played on the lab, and the lab's version before and after it (equal when it changed nothing). */
    private record Played(Step step, long before, long after) {
    }

    private final Optional<Scenario> opened;
    private final Topology start;
    private final Propagation propagation;
    private final List<Played> played = new ArrayList<>();

    private LabRecording(Optional<Scenario> opened, Topology start, Propagation propagation) {
        this.opened = opened;
        this.start = Objects.requireNonNull(start, "start");
        this.propagation = Objects.requireNonNull(propagation, "propagation");
    }

    /** Starts from a scenario just opened: {@code start} is the lab once its topology was built, before step 1. */
    public static LabRecording fromScenario(Scenario scenario, Topology start) {
        return new LabRecording(Optional.of(scenario), start, scenario.propagation());
    }

    /** Starts from a lab as it is now ({@code start}), propagating as {@code propagation}. */
    public static LabRecording fromSnapshot(Topology start, Propagation propagation) {
        return new LabRecording(Optional.empty(), start, propagation);
    }

    /** The lab's version at the start: journal entries after it were done since. */
    public long startVersion() {
        return start.version();
    }

    /** Whether the start is an opened scenario. */
    public boolean fromScenario() {
        return opened.isPresent();
    }

    /**
     * A scenario step was played: the lab's version was {@code before} when it began and {@code after}
     * when it ended (the journal entries in between are its requests).
     */
    public void played(Step step, long before, long after) {
        if (after < before) {
            throw new IllegalArgumentException("step " + step.index() + " ends at version " + after
                    + " before it began at " + before);
        }
        played.add(new Played(Objects.requireNonNull(step, "step"), before, after));
    }

    /** Queued configuration operations were applied by hand ({@code count} of them, or all when empty) at {@code version}. */
    public void propagated(OptionalInt count, long version) {
        if (propagation != Propagation.STEPWISE || count.isPresent() && count.getAsInt() < 1) {
            return;
        }
        played(new Step(1, 0, Optional.empty(), new Step.Propagate(count), Expectations.NONE), version, version);
    }

    /**
     * The scenario that rebuilds the lab: the start, then, in the order they happened, the steps
     * played and the requests of {@code journal} done after the start.
     *
     * @param title   the saved scenario's title
     * @param journal the lab's journal, oldest first, written with {@link JournalCodec}
     * @param watched the flows watched now, by name, in order; those the start cannot resolve are left out
     * @return the scenario, or empty when a request since the start is not journaled in the step
     *         syntax (a lab opened without {@link JournalCodec} keeps only descriptions)
     */
    public Optional<Scenario> scenario(String title, List<JournalEntry> journal, Map<String, Flow> watched) {
        Scenario base = opened.orElseGet(() -> LabSnapshot.scenarioOf(start, title, watched));
        List<Step> steps = new ArrayList<>(opened.isPresent() ? List.of() : base.steps());
        List<PrincipalId> principals = new ArrayList<>(base.principals());
        int next = 0;
        for (JournalEntry entry : journal) {
            if (entry.version() <= start.version()) {
                continue;
            }
            while (next < played.size() && played.get(next).after() < entry.version()) {
                steps.add(played.get(next++).step());
            }
            if (next < played.size() && played.get(next).before() < entry.version()) {
                continue; // a request of the step played then
            }
            Request request;
            try {
                request = JournalCodec.INSTANCE.decode(entry.request());
            } catch (IllegalArgumentException notInStepSyntax) {
                return Optional.empty();
            }
            if (request instanceof Request.CreatePrincipal p) {
                if (!p.id().equals(Topology.OPERATOR) && !principals.contains(p.id())) {
                    principals.add(p.id());
                }
                continue;
            }
            if (opened.isEmpty()) {
                // The rebuilt start does not count generated ids as the lab did: name them.
                request = IdPinning.pinned(request, createdId(entry));
            }
            steps.add(new Step(1, 0, Optional.empty(),
                    new Step.Submit(new Submission(request, entry.principal(), false, entry.clientToken())),
                    Expectations.NONE));
        }
        while (next < played.size()) {
            steps.add(played.get(next++).step());
        }
        List<Step> numbered = new ArrayList<>();
        for (Step step : steps) {
            numbered.add(step.withIndex(numbered.size() + 1, 0));
        }
        return Optional.of(new Scenario(title, base.description(), principals, propagation, base.topology(),
                opened.isPresent() ? resolvable(watched) : base.watch(), numbered));
    }

    /** The flows that resolve at the start (an opened scenario's start is built exactly). */
    private Map<String, Flow> resolvable(Map<String, Flow> watched) {
        Map<String, Flow> out = new LinkedHashMap<>();
        watched.forEach((name, flow) -> {
            try {
                FlowResolver.resolve(start, flow);
                out.put(name, flow);
            } catch (IllegalArgumentException unresolved) {
                // names an object the start does not have
            }
        });
        return out;
    }

    /** The id the entry's request created, from its short result ({@code created vif-00000012; …}). */
    private static Optional<String> createdId(JournalEntry entry) {
        String result = entry.result();
        return result.startsWith("created ") ? Optional.of(result.substring("created ".length()).split(";", 2)[0].strip())
                : Optional.empty();
    }
}
