package org.viflab.scenario;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.viflab.coordinator.Outcome;
import org.viflab.coordinator.Outcome.Accepted;
import org.viflab.coordinator.Outcome.Rejected;
import org.viflab.coordinator.Submission;
import org.viflab.fabric.Fabric;
import org.viflab.fabric.Propagation.Mode;
import org.viflab.flow.Flow;
import org.viflab.flow.Trace;
import org.viflab.lab.Lab;
import org.viflab.model.ConfigOperation;
import org.viflab.model.InstanceId;
import org.viflab.model.InterfaceId;
import org.viflab.model.Sentence;
import org.viflab.model.SubnetId;
import org.viflab.model.Topology;

/**
 * A scenario being played on a lab, one step at a time: the classroom demo (the GUI calls
 * {@link #next()} and shows the narration), the exercise and the test ({@link #runAll()}). Each
 * step's expectations are checked against what the lab shows afterwards; a rejected request is
 * also checked to have changed nothing.
 */
public final class ScenarioRun {

    private final Scenario scenario;
    private final Lab lab;
    private final List<StepResult> results = new ArrayList<>();
    private boolean started;

    public ScenarioRun(Scenario scenario, Lab lab) {
        this.scenario = Objects.requireNonNull(scenario, "scenario");
        this.lab = Objects.requireNonNull(lab, "lab");
    }

    public Scenario scenario() {
        return scenario;
    }

    /** Builds the starting topology (always realized at once), pins the watched flows, sets the mode. */
    public void start() {
        if (started) {
            return;
        }
        lab.setMode(Mode.INSTANT);
        List<Outcome> built = lab.submitBatch(scenario.setup());
        Outcome last = built.isEmpty() ? null : built.get(built.size() - 1);
        if (last != null && !last.isAccepted()) {
            Rejected rejected = (Rejected) last;
            throw new ScenarioException(scenario.title(), 0, 0, Sentence.of(Problem.TOPOLOGY_CANNOT_BE_BUILT,
                    last.submission().request().describe(), rejected.code().code(), rejected.sentence()));
        }
        for (Map.Entry<String, Flow> watch : scenario.watch().entrySet()) {
            try {
                lab.watch(watch.getKey(), watch.getValue());
            } catch (IllegalArgumentException e) {
                throw new ScenarioException(scenario.title(), 0, 0, Sentence.of(Problem.WATCHED_FLOW_CANNOT_BE_TRACED,
                        watch.getKey(), ValueErrors.sentence(e)));
            }
        }
        if (scenario.propagation() == Propagation.STEPWISE) {
            lab.setMode(Mode.STEPWISE);
        }
        started = true;
    }

    public boolean hasNext() {
        return results.size() < scenario.steps().size();
    }

    /** The number of the next step to run (from 1). */
    public int nextIndex() {
        return results.size() + 1;
    }

    public List<StepResult> results() {
        return List.copyOf(results);
    }

    /** Runs every remaining step. */
    public RunReport runAll(String source) {
        start();
        while (hasNext()) {
            next();
        }
        return new RunReport(scenario, source, results);
    }

    /** Runs the next step and checks its expectations. */
    public StepResult next() {
        start();
        if (!hasNext()) {
            throw new IllegalStateException("the scenario has no more steps");
        }
        Step step = scenario.step(nextIndex());
        StepResult result = play(step);
        results.add(result);
        return result;
    }

    private StepResult play(Step step) {
        Expectations expect = step.expect();
        List<Sentence> failures = new ArrayList<>();
        Topology before = lab.snapshot();
        Fabric fabricBefore = lab.fabric();
        Step.Action action = step.action();
        Optional<Outcome> outcome = Optional.empty();
        Optional<Trace> trace = Optional.empty();
        Set<String> changed = new TreeSet<>();
        List<ConfigOperation> initiated = List.of();
        Sentence answer;
        if (action instanceof Step.Submit submit) {
            Lab.Result result = lab.submit(submit.submission());
            outcome = result.outcome();
            changed.addAll(result.changedFlows());
            Outcome o = outcome.orElseThrow();
            if (o instanceof Accepted accepted) {
                // A replay answers the first result but initiates nothing now.
                initiated = accepted.replayed() ? List.of() : accepted.operations();
                answer = accepted.createdId().map(id -> Sentence.of(Problem.ANSWER_ACCEPTED_CREATED, id))
                        .orElse(Sentence.of(Problem.ACCEPTED));
            } else {
                Rejected rejected = (Rejected) o;
                answer = Sentence.of(Problem.ANSWER_REJECTED, rejected.code().code(), rejected.sentence());
            }
            checkRequest(expect, o, failures);
            if (o instanceof Rejected && !(lab.snapshot().equals(before) && lab.fabric().equals(fabricBefore))) {
                failures.add(Sentence.of(Problem.REJECTED_REQUEST_CHANGED_LAB));
            }
            if (expect.ids().isPresent()) {
                Set<String> actual = o instanceof Accepted a && a.answer().isPresent()
                        ? new TreeSet<>(a.answer().get().ids()) : Set.of();
                compare(failures, "ids", new TreeSet<>(expect.ids().get()), actual);
            }
        } else if (action instanceof Step.Malformed malformed) {
            answer = Sentence.of(Problem.ANSWER_REJECTED, malformed.code().code(), malformed.reason());
            if (expect.error().isPresent()) {
                compare(failures, "error", expect.error().get().code(), malformed.code().code());
            } else {
                failures.add(Sentence.of(Problem.REQUEST_NOT_ACCEPTED, malformed.code().code(), malformed.reason()));
            }
        } else if (action instanceof Step.TraceFlow traceFlow) {
            try {
                Trace t = lab.trace(traceFlow.flow());
                trace = Optional.of(t);
                answer = Sentence.of(Problem.ANSWER_TRACED, t.disposition(), t.explanation().because());
                checkTrace(expect, t, failures);
            } catch (IllegalArgumentException e) {
                Sentence why = ValueErrors.sentence(e);
                answer = Sentence.of(Problem.ANSWER_CANNOT_TRACE, why);
                failures.add(Sentence.of(Problem.TRACE_FAILED, why));
            }
        } else if (action instanceof Step.Propagate propagate) {
            Lab.Result result = propagate.steps().isPresent() ? lab.propagate(propagate.steps().getAsInt()) : lab.drain();
            changed.addAll(result.changedFlows());
            answer = Sentence.of(Problem.ANSWER_PROPAGATED, result.applied().size());
        } else {
            throw new IllegalStateException("unknown step action " + action);
        }
        if (expect.configOps().isPresent()) {
            compare(failures, "configOps", expect.configOps().get(),
                    initiated.stream().map(ConfigOperation::summary).toList());
        }
        if (expect.changed().isPresent()) {
            compare(failures, "changed", new TreeSet<>(expect.changed().get()), changed);
        }
        checkWatched(expect, failures);
        checkFields(expect, failures);
        for (Map.Entry<SubnetId, Long> available : expect.available().entrySet()) {
            Topology now = lab.snapshot();
            if (!now.subnets().containsKey(available.getKey())) {
                failures.add(Sentence.of(Problem.NO_SUCH_SUBNET, "available " + available.getKey(),
                        available.getValue()));
            } else {
                compare(failures, "available " + available.getKey(), available.getValue(),
                        now.availableAddresses(available.getKey()));
            }
        }
        return new StepResult(step, answer, failures, outcome, trace);
    }

    private static void checkRequest(Expectations expect, Outcome outcome, List<Sentence> failures) {
        if (expect.error().isPresent()) {
            Object actual = outcome instanceof Rejected r ? r.code().code() : Sentence.of(Problem.ACCEPTED);
            compare(failures, "error", expect.error().get().code(), actual);
        } else if (expect.expectsSuccess() && outcome instanceof Rejected r) {
            failures.add(Sentence.of(Problem.REQUEST_NOT_ACCEPTED, r.code().code(), r.sentence()));
        } else if (!expect.expectsSuccess() && outcome.isAccepted()) {
            failures.add(Sentence.of(Problem.REQUEST_NOT_REJECTED));
        }
    }

    private static void checkTrace(Expectations expect, Trace t, List<Sentence> failures) {
        expect.disposition().ifPresent(d -> compare(failures, "disposition", d, t.disposition().name()));
        expect.deliveredTo().ifPresent(i -> compare(failures, "deliveredTo", i.value(),
                t.deliveredTo().<Object>map(InstanceId::value).orElse(Sentence.of(Problem.NOTHING))));
        expect.path().ifPresent(p -> compare(failures, "path", p.stream().map(InterfaceId::value).toList(),
                t.path().stream().map(InterfaceId::value).toList()));
        expect.deniedBy().ifPresent(g -> compare(failures, "deniedBy", g.value(),
                t.deniedBy().<Object>map(Object::toString).orElse(Sentence.of(Problem.NOTHING))));
        expect.exitsTo().ifPresent(x -> compare(failures, "exitsTo", x.toString(),
                t.exit().<Object>map(e -> e.name().toLowerCase(Locale.ROOT)).orElse(Sentence.of(Problem.NOWHERE))));
    }

    private void checkWatched(Expectations expect, List<Sentence> failures) {
        Map<String, Trace> watched = lab.watched();
        for (Map.Entry<String, Set<InstanceId>> lands : expect.lands().entrySet()) {
            Trace t = watched.get(lands.getKey());
            if (t == null) {
                failures.add(Sentence.of(Problem.NO_WATCHED_FLOW_OF_THAT_NAME, "lands " + lands.getKey()));
                continue;
            }
            compare(failures, "lands " + lands.getKey(), landing(lands.getValue()), landing(t.landing()));
        }
        for (Map.Entry<String, String> disposition : expect.dispositions().entrySet()) {
            Trace t = watched.get(disposition.getKey());
            if (t == null) {
                failures.add(Sentence.of(Problem.NO_WATCHED_FLOW_OF_THAT_NAME, "disposition " + disposition.getKey()));
                continue;
            }
            compare(failures, "disposition " + disposition.getKey(), disposition.getValue(), t.disposition().name());
        }
    }

    private static String landing(Collection<InstanceId> instances) {
        return instances.isEmpty() ? "nowhere" : instances.stream().map(InstanceId::value).sorted()
                .collect(Collectors.joining(", ", instances.size() > 1 ? "[" : "", instances.size() > 1 ? "]" : ""));
    }

    private void checkFields(Expectations expect, List<Sentence> failures) {
        for (Map.Entry<String, Map<String, Object>> object : expect.fields().entrySet()) {
            Optional<Map<String, Object>> actual = lab.fieldsOfAnyKind(object.getKey());
            if (actual.isEmpty()) {
                failures.add(Sentence.of(Problem.NO_OBJECT_WITH_THAT_ID, "fields " + object.getKey()));
                continue;
            }
            for (Map.Entry<String, Object> field : object.getValue().entrySet()) {
                String name = field.getKey();
                if (!actual.get().containsKey(name)) {
                    failures.add(Sentence.of(Problem.NO_SUCH_FIELD, "fields " + object.getKey() + "." + name,
                            String.join(", ", actual.get().keySet())));
                    continue;
                }
                boolean ordered = name.equals("privateIps") || name.equals("interfaces");
                Object want = FieldValues.normalise(field.getValue(), ordered);
                Object got = FieldValues.normalise(actual.get().get(name), ordered);
                if (!want.equals(got)) {
                    failures.add(Sentence.of(Problem.EXPECTED_ACTUAL, "fields " + object.getKey() + "." + name,
                            FieldValues.show(want), FieldValues.show(got)));
                }
            }
        }
    }

    /**
     * Adds "what: expected X, actual Y" when the two differ. A value may be a word of the runner's
     * own ({@code accepted}, {@code nothing}) as a sentence, to be said in the reader's language; it
     * is compared by its English words, as when it was text.
     */
    private static void compare(List<Sentence> failures, String what, Object expected, Object actual) {
        if (!Objects.equals(comparable(expected), comparable(actual))) {
            failures.add(Sentence.of(Problem.EXPECTED_ACTUAL, what, show(expected), show(actual)));
        }
    }

    private static Object comparable(Object value) {
        return value instanceof Sentence s ? s.english() : value;
    }

    private static Object show(Object value) {
        if (value instanceof Sentence) {
            return value;
        }
        if (value instanceof Collection<?> c) {
            return c.stream().map(String::valueOf).collect(Collectors.joining(", ", "[", "]"));
        }
        return String.valueOf(value);
    }
}
