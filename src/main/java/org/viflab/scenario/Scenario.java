package org.viflab.scenario;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.viflab.coordinator.Request.CreatePrincipal;
import org.viflab.coordinator.Submission;
import org.viflab.flow.Flow;
import org.viflab.model.PrincipalId;

/**
 * A scenario as the runner, the GUI and the command line use it: a title, a starting topology,
 * flows to watch and numbered steps. Read one with {@link ScenarioReader}, write one with
 * {@link ScenarioWriter}; {@code ScenarioReader.parse(name, ScenarioWriter.write(s))} equals
 * {@code s}.
 *
 * @param title       the {@code scenario} key
 * @param description optional Markdown
 * @param principals  the principals besides {@code operator}, in file order
 * @param propagation how the steps' configuration operations reach the fabric
 * @param topology    the starting topology (see {@link #setup()} for the requests that build it)
 * @param watch       flows re-traced after every step, by name, in file order
 * @param steps       the steps, numbered from 1
 */
public record Scenario(String title, Optional<String> description, List<PrincipalId> principals,
                       Propagation propagation, ScenarioTopology topology, Map<String, Flow> watch,
                       List<Step> steps) {

    public Scenario {
        if (title == null || title.isBlank()) {
            throw new IllegalArgumentException("a scenario needs a title");
        }
        Objects.requireNonNull(description, "description");
        principals = List.copyOf(principals);
        Objects.requireNonNull(propagation, "propagation");
        Objects.requireNonNull(topology, "topology");
        watch = Collections.unmodifiableMap(new LinkedHashMap<>(watch));
        steps = List.copyOf(steps);
        for (int i = 0; i < steps.size(); i++) {
            if (steps.get(i).index() != i + 1) {
                throw new IllegalArgumentException("step " + (i + 1) + " is numbered " + steps.get(i).index());
            }
        }
    }

    /**
     * The submissions that build the starting topology, all as {@code operator}, in order: one
     * {@code CreatePrincipal} per principal, then {@link ScenarioTopology#submissions()}. The runner
     * applies them before step 1, always with instant propagation.
     */
    public List<Submission> setup() {
        List<Submission> out = new ArrayList<>();
        for (PrincipalId principal : principals) {
            out.add(Submission.of(new CreatePrincipal(principal)));
        }
        out.addAll(topology.submissions());
        return List.copyOf(out);
    }

    /** The step numbered {@code index} (from 1). */
    public Step step(int index) {
        return steps.get(index - 1);
    }
}
