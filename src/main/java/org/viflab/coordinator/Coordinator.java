package org.viflab.coordinator;

import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import org.viflab.coordinator.Outcome.Accepted;
import org.viflab.coordinator.Outcome.Rejected;
import org.viflab.coordinator.Request.AddPlatform;
import org.viflab.coordinator.Request.AssignIps;
import org.viflab.coordinator.Request.AssociatePublicIp;
import org.viflab.coordinator.Request.Attach;
import org.viflab.coordinator.Request.Authorize;
import org.viflab.coordinator.Request.CreateInterface;
import org.viflab.coordinator.Request.CreatePartition;
import org.viflab.coordinator.Request.CreatePrincipal;
import org.viflab.coordinator.Request.CreateSecurityGroup;
import org.viflab.coordinator.Request.CreateSubnet;
import org.viflab.coordinator.Request.DeleteInterface;
import org.viflab.coordinator.Request.DeletePartition;
import org.viflab.coordinator.Request.DeleteSecurityGroup;
import org.viflab.coordinator.Request.DeleteSubnet;
import org.viflab.coordinator.Request.Describe;
import org.viflab.coordinator.Request.Detach;
import org.viflab.coordinator.Request.DisassociatePublicIp;
import org.viflab.coordinator.Request.GrantPermission;
import org.viflab.coordinator.Request.Launch;
import org.viflab.coordinator.Request.ModifyAttachment;
import org.viflab.coordinator.Request.ModifyInterface;
import org.viflab.coordinator.Request.Move;
import org.viflab.coordinator.Request.Place;
import org.viflab.coordinator.Request.Revoke;
import org.viflab.coordinator.Request.RevokePermission;
import org.viflab.coordinator.Request.SetNic;
import org.viflab.coordinator.Request.SetRoute;
import org.viflab.coordinator.Request.Start;
import org.viflab.coordinator.Request.Stop;
import org.viflab.coordinator.Request.Terminate;
import org.viflab.coordinator.Request.UnassignIps;
import org.viflab.model.Sentence;
import org.viflab.model.Topology;

/**
 * The one writer of a lab. {@link #submit} validates a request against the current snapshot and
 * either rejects it (nothing changed) or applies it in one repository transaction and reports the
 * configuration operations it initiated. Readers take immutable {@link #snapshot() snapshots}.
 *
 * <p>The database is the source of truth: before each request the coordinator compares the
 * committed version with its snapshot's and reloads when another writer moved it.
 */
public final class Coordinator {

    private static final int COMMIT_ATTEMPTS = 3;

    private final Repository repository;
    private final Clock clock;
    private final RequestCodec codec;
    private final ReentrantLock writer = new ReentrantLock();
    private final Map<String, Accepted> tokens = new HashMap<>();
    private final List<Consumer<Accepted>> listeners = new CopyOnWriteArrayList<>();
    private volatile Topology snapshot;
    private volatile PropagationView propagation = PropagationView.INSTANT;
    /** Whether the request being decided was committed (guarded by the writer lock). */
    private boolean committed;

    public Coordinator(Repository repository) {
        this(repository, RequestCodec.DESCRIPTION, Clock.systemUTC());
    }

    public Coordinator(Repository repository, RequestCodec codec) {
        this(repository, codec, Clock.systemUTC());
    }

    public Coordinator(Repository repository, RequestCodec codec, Clock clock) {
        this.repository = Objects.requireNonNull(repository, "repository");
        this.codec = Objects.requireNonNull(codec, "codec");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.snapshot = repository.load();
    }

    /**
     * Applies the journal of another lab, request by request, as each was first sent: the way to
     * check that a journal explains its lab, or to rebuild a lab from its journal.
     *
     * @return the outcomes; every one is accepted when the journal replays cleanly
     * @throws IllegalArgumentException if an entry cannot be decoded with this coordinator's codec
     */
    public List<Outcome> replay(List<JournalEntry> journal) {
        List<Outcome> outcomes = new java.util.ArrayList<>();
        for (JournalEntry entry : journal) {
            outcomes.add(submit(new Submission(codec.decode(entry.request()), entry.principal(), false,
                    entry.clientToken())));
        }
        return outcomes;
    }

    /** The last committed state; immutable, safe to read from any thread. */
    public Topology snapshot() {
        return snapshot;
    }

    /** Tells the coordinator what is still queued (stepwise propagation); instant by default. */
    public void propagation(PropagationView view) {
        this.propagation = Objects.requireNonNull(view, "view");
    }

    public PropagationView propagation() {
        return propagation;
    }

    /** The shared field vocabulary over the current snapshot and propagation state. */
    public FieldView fields() {
        return new FieldView(snapshot, propagation);
    }

    /** Called, on the writer's thread, after every accepted request that changed something. */
    public Runnable addListener(Consumer<Accepted> listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    /** Validates and, unless rejected or a dry run, applies a request. Never throws for a rule violation. */
    public Outcome submit(Submission submission) {
        writer.lock();
        try {
            for (int attempt = 1; ; attempt++) {
                try {
                    committed = false;
                    Outcome outcome = decide(submission);
                    // A commit checks the stored version itself. An answer that committed nothing was
                    // judged on the snapshot: make sure that is still the stored state, else judge
                    // again on a fresh one (another coordinator may have changed the lab).
                    if (committed || !stale()) {
                        return outcome;
                    }
                } catch (Repository.ConcurrentChangeException e) {
                    if (attempt >= COMMIT_ATTEMPTS) {
                        throw e;
                    }
                }
                snapshot = repository.load();
            }
        } finally {
            writer.unlock();
        }
    }

    private boolean stale() {
        return repository.version() != snapshot.version();
    }

    /**
     * Applies requests as one transaction — all of them or, if one is rejected, none (building a
     * scenario's starting topology, loading a saved lab). Each accepted request still gets its own
     * version and journal entry, and reports its own configuration operations.
     *
     * @return one accepted outcome per submission; or, when one is rejected, the outcomes up to and
     *         including that rejection, with nothing changed
     * @throws IllegalArgumentException for a dry run, a client token or a describe: a batch is made
     *                                  of plain changes
     */
    public List<Outcome> submitBatch(List<Submission> submissions) {
        writer.lock();
        try {
            refresh();
            Topology start = snapshot;
            Topology current = start;
            java.util.Set<Object> touched = new java.util.LinkedHashSet<>();
            List<Outcome> outcomes = new java.util.ArrayList<>();
            List<Accepted> accepted = new java.util.ArrayList<>();
            List<JournalEntry> entries = new java.util.ArrayList<>();
            for (Submission s : submissions) {
                if (s.dryRun() || s.clientToken().isPresent() || s.request() instanceof Describe) {
                    throw new IllegalArgumentException("a batch holds plain changes, not " + s.request().describe());
                }
                if (!current.principals().contains(s.as())) {
                    outcomes.add(new Rejected(s, ErrorCode.UNAUTHORIZED_OPERATION,
                            Sentence.of(Rejection.PRINCIPAL_DOES_NOT_EXIST, s.as())));
                    return outcomes;
                }
                Change change = new Change(current, s.as());
                try {
                    dispatch(change, s.request());
                } catch (Violation v) {
                    outcomes.add(new Rejected(s, v.code(), v.sentence()));
                    return outcomes;
                }
                if (!change.next.touched().isEmpty()) {
                    current = change.next.version(current.version() + 1).build();
                    touched.addAll(change.next.touched());
                }
                Accepted a = accepted(s, change, current.version());
                if (!change.next.touched().isEmpty()) {
                    entries.add(journalEntry(a));
                }
                outcomes.add(a);
                accepted.add(a);
            }
            if (!entries.isEmpty()) {
                repository.commitAll(start.version(), current, touched, entries);
                snapshot = current;
            }
            for (Accepted a : accepted) {
                for (Consumer<Accepted> listener : listeners) {
                    listener.accept(a);
                }
            }
            return outcomes;
        } finally {
            writer.unlock();
        }
    }

    private void refresh() {
        if (repository.version() != snapshot.version()) {
            snapshot = repository.load();
        }
    }

    private Outcome decide(Submission s) {
        Topology before = snapshot;
        if (!before.principals().contains(s.as())) {
            return new Rejected(s, ErrorCode.UNAUTHORIZED_OPERATION, Sentence.of(Rejection.PRINCIPAL_DOES_NOT_EXIST,
                    s.as()));
        }
        if (s.clientToken().isPresent()) {
            Optional<Outcome> replay = replay(s);
            if (replay.isPresent()) {
                return replay.get();
            }
        }
        Change change = new Change(before, s.as());
        try {
            dispatch(change, s.request());
        } catch (Violation v) {
            return new Rejected(s, v.code(), v.sentence());
        }
        if (s.dryRun()) {
            return new Rejected(s, ErrorCode.DRY_RUN_OPERATION, Sentence.of(Rejection.DRY_RUN));
        }
        Accepted accepted;
        if (change.next.touched().isEmpty()) {
            accepted = accepted(s, change, before.version());
        } else {
            Topology after = change.next.version(before.version() + 1).build();
            accepted = accepted(s, change, after.version());
            repository.commit(before.version(), after, change.next.touched(), journalEntry(accepted));
            snapshot = after;
            committed = true;
        }
        s.clientToken().ifPresent(token -> tokens.put(token, accepted));
        if (!(s.request() instanceof Describe)) {
            for (Consumer<Accepted> listener : listeners) {
                listener.accept(accepted);
            }
        }
        return accepted;
    }

    private Optional<Outcome> replay(Submission s) {
        String token = s.clientToken().get();
        Accepted first = tokens.get(token);
        if (first != null) {
            if (first.submission().request().equals(s.request()) && first.submission().as().equals(s.as())) {
                return Optional.of(first.asReplay(s));
            }
            return Optional.of(mismatch(s, token));
        }
        Optional<JournalEntry> journaled = repository.findByClientToken(token);
        if (journaled.isEmpty()) {
            return Optional.empty();
        }
        JournalEntry entry = journaled.get();
        if (!entry.request().equals(codec.encode(s.request())) || !entry.principal().equals(s.as())) {
            return Optional.of(mismatch(s, token));
        }
        Optional<String> created = entry.result().startsWith("created ")
                ? Optional.of(entry.result().substring("created ".length()).split(";", 2)[0]) : Optional.empty();
        return Optional.of(new Accepted(s, entry.version(), created, List.of(), List.of(), List.of(), Optional.empty(),
                List.of(), List.of(), List.of(), false, true));
    }

    private static Rejected mismatch(Submission s, String token) {
        return new Rejected(s, ErrorCode.IDEMPOTENT_PARAMETER_MISMATCH,
                Sentence.of(Rejection.CLIENT_TOKEN_USED_BEFORE, token));
    }

    private static Accepted accepted(Submission s, Change c, long version) {
        return new Accepted(s, version, c.createdId, c.operations, c.inverse, c.warnings, c.answer, c.attaching,
                c.detaching, c.cancelled, c.immediate, false);
    }

    private JournalEntry journalEntry(Accepted accepted) {
        // Kept short: the journal's rows are rewritten with their page on every commit.
        String result = accepted.createdId().map(id -> "created " + id).orElse("ok") + "; "
                + accepted.operations().size() + " configuration operation(s)";
        return new JournalEntry(accepted.version(), accepted.submission().as(), codec.encode(accepted.submission().request()),
                result, clock.instant(), accepted.submission().clientToken());
    }

    private void dispatch(Change c, Request request) {
        if (request instanceof CreatePrincipal r) {
            TopologyRules.createPrincipal(c, r);
        } else if (request instanceof CreatePartition r) {
            TopologyRules.createPartition(c, r);
        } else if (request instanceof DeletePartition r) {
            TopologyRules.deletePartition(c, r);
        } else if (request instanceof CreateSubnet r) {
            TopologyRules.createSubnet(c, r);
        } else if (request instanceof DeleteSubnet r) {
            TopologyRules.deleteSubnet(c, r);
        } else if (request instanceof SetRoute r) {
            TopologyRules.setRoute(c, r);
        } else if (request instanceof CreateSecurityGroup r) {
            TopologyRules.createSecurityGroup(c, r);
        } else if (request instanceof DeleteSecurityGroup r) {
            TopologyRules.deleteSecurityGroup(c, r);
        } else if (request instanceof Authorize r) {
            TopologyRules.authorize(c, r);
        } else if (request instanceof Revoke r) {
            TopologyRules.revoke(c, r);
        } else if (request instanceof AddPlatform r) {
            TopologyRules.addPlatform(c, r);
        } else if (request instanceof SetNic r) {
            TopologyRules.setNic(c, r);
        } else if (request instanceof Launch r) {
            InstanceRules.launch(c, r);
        } else if (request instanceof Place r) {
            InstanceRules.place(c, r);
        } else if (request instanceof Start r) {
            InstanceRules.start(c, r);
        } else if (request instanceof Stop r) {
            InstanceRules.stop(c, r);
        } else if (request instanceof Terminate r) {
            InstanceRules.terminate(c, r);
        } else if (request instanceof Move r) {
            InstanceRules.move(c, r);
        } else if (request instanceof CreateInterface r) {
            InterfaceRules.create(c, r);
        } else if (request instanceof DeleteInterface r) {
            InterfaceRules.delete(c, r);
        } else if (request instanceof Attach r) {
            InterfaceRules.attach(c, r);
        } else if (request instanceof Detach r) {
            InterfaceRules.detach(c, r, propagation);
        } else if (request instanceof ModifyInterface r) {
            InterfaceRules.modify(c, r);
        } else if (request instanceof ModifyAttachment r) {
            InterfaceRules.modifyAttachment(c, r);
        } else if (request instanceof AssignIps r) {
            InterfaceRules.assignIps(c, r);
        } else if (request instanceof UnassignIps r) {
            InterfaceRules.unassignIps(c, r);
        } else if (request instanceof AssociatePublicIp r) {
            InterfaceRules.associatePublicIp(c, r);
        } else if (request instanceof DisassociatePublicIp r) {
            InterfaceRules.disassociatePublicIp(c, r);
        } else if (request instanceof GrantPermission r) {
            InterfaceRules.grant(c, r);
        } else if (request instanceof RevokePermission r) {
            InterfaceRules.revoke(c, r);
        } else if (request instanceof Describe r) {
            c.answer = Optional.of(Describer.describe(c.before, propagation, r));
        } else {
            throw new IllegalStateException("no rule for " + request.getClass().getSimpleName());
        }
    }
}
