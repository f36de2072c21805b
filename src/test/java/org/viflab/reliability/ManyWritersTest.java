package org.viflab.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.viflab.model.InstanceId.instanceId;
import static org.viflab.model.InterfaceId.interfaceId;
import static org.viflab.model.PartitionId.partitionId;
import static org.viflab.model.SecurityGroupId.securityGroupId;
import static org.viflab.model.SubnetId.subnetId;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.viflab.coordinator.Coordinator;
import org.viflab.coordinator.CoordinatorInvariantsProperties;
import org.viflab.coordinator.JournalEntry;
import org.viflab.coordinator.Outcome;
import org.viflab.coordinator.Outcome.Accepted;
import org.viflab.coordinator.RandomRequests;
import org.viflab.coordinator.Request;
import org.viflab.coordinator.Request.AssignIps;
import org.viflab.coordinator.Request.CreateInterface;
import org.viflab.coordinator.Request.CreateSecurityGroup;
import org.viflab.coordinator.Request.InterfaceSpec;
import org.viflab.coordinator.Request.Launch;
import org.viflab.coordinator.Request.Attach;
import org.viflab.coordinator.Request.Authorize;
import org.viflab.coordinator.Request.Detach;
import org.viflab.coordinator.Request.Direction;
import org.viflab.coordinator.Request.ModifyInterface;
import org.viflab.coordinator.Request.Revoke;
import org.viflab.coordinator.Request.SetRoute;
import org.viflab.coordinator.Request.UnassignIps;
import org.viflab.coordinator.Submission;
import org.viflab.fabric.Fabric;
import org.viflab.model.InstanceState;
import org.viflab.model.InterfaceId;
import org.viflab.model.RouteTarget;
import org.viflab.model.Rule;
import org.viflab.model.RulePeer;
import org.viflab.model.Topology;
import org.viflab.net.Ipv4Address;
import org.viflab.net.Ipv4Prefix;
import org.viflab.net.PortSet;
import org.viflab.net.Protocol;
import org.viflab.store.H2Repository;

/**
 * Several writers at one coordinator on a lab file, with readers watching:
 * <ul>
 *   <li>no deadlock: every writer finishes within {@link #MINUTES} minutes;</li>
 *   <li>no writer sees an exception;</li>
 *   <li>no lost update: the journal holds versions 1..N without a gap, N is the final version, and
 *       applying the accepted submissions one by one, in commit order (by their outcome's version,
 *       the one the journal names first), to a fresh lab accepts each at the same version and ends
 *       in a topology equal to the final one;</li>
 *   <li>the final snapshot equals what a fresh load of the file gives, and the lab's invariants
 *       hold;</li>
 *   <li>readers never see half an operation: every snapshot they take while the writers run — from
 *       the coordinator, and loaded from the file by a second repository — satisfies the invariants,
 *       compiles to a fabric, and versions never go back.</li>
 * </ul>
 * The number of requests per writer is {@code -Dviflab.writers.requests} (1,500 by default, see
 * {@link #REQUESTS_PER_WRITER}); {@code -Dviflab.writers.readers} sets the number of readers (2).
 */
class ManyWritersTest {

    static final int WRITERS = 8;
    static final int READERS = Integer.getInteger("viflab.writers.readers", 2);
    /**
     * 1,500 per writer in a normal build (about 20 s); {@code -Dviflab.writers.requests=5000} runs
     * the full 40,000 (about 75 s on two cores: 58 s of sending, 15 s of serial checking).
     */
    static final int REQUESTS_PER_WRITER = Integer.getInteger("viflab.writers.requests", 1_500);
    static final int MINUTES = 10;

    @TempDir
    Path dir;

    /** A submission as a writer sent it, and what it was answered. */
    record Sent(int writer, Submission submission, Outcome outcome) {
    }

    @Test
    void writersLoseNothingAndReadersNeverSeeHalfAnOperation() throws Exception {
        Path file = dir.resolve("many-writers");
        long started = System.nanoTime();
        List<List<Submission>> work = requests();
        long generated = System.nanoTime();

        List<Sent> sent = Collections.synchronizedList(new ArrayList<>());
        List<Throwable> failures = Collections.synchronizedList(new ArrayList<>());
        AtomicBoolean writing = new AtomicBoolean(true);
        AtomicLong snapshotsChecked = new AtomicLong();
        Topology end;
        List<JournalEntry> journal;
        long standardVersion;
        long wrote;
        try (H2Repository repository = H2Repository.open(file);
             H2Repository second = H2Repository.open(repository.url())) {
            Coordinator coordinator = setUp(repository);
            standardVersion = coordinator.snapshot().version();

            CyclicBarrier start = new CyclicBarrier(WRITERS + READERS + 1);
            CountDownLatch writersDone = new CountDownLatch(WRITERS);
            List<Thread> threads = new ArrayList<>();
            for (int w = 0; w < WRITERS; w++) {
                int writer = w;
                threads.add(new Thread(() -> {
                    try {
                        start.await();
                        for (Submission s : work.get(writer)) {
                            sent.add(new Sent(writer, s, coordinator.submit(s)));
                        }
                    } catch (Throwable t) {
                        failures.add(new AssertionError("writer " + writer, t));
                    } finally {
                        writersDone.countDown();
                    }
                }, "writer-" + w));
            }
            for (int r = 0; r < READERS; r++) {
                boolean fromFile = r == READERS - 1;
                threads.add(new Thread(() -> {
                    long last = -1;
                    try {
                        start.await();
                        while (writing.get()) {
                            Topology seen = fromFile ? second.load() : coordinator.snapshot();
                            assertThat(seen.version()).as("versions never go back").isGreaterThanOrEqualTo(last);
                            last = seen.version();
                            CoordinatorInvariantsProperties.assertInvariants(seen);
                            Fabric.compile(seen);
                            snapshotsChecked.incrementAndGet();
                        }
                    } catch (Throwable t) {
                        failures.add(new AssertionError((fromFile ? "file" : "snapshot") + " reader at version " + last, t));
                    }
                }, "reader-" + r));
            }
            threads.forEach(Thread::start);
            start.await(1, TimeUnit.MINUTES);
            boolean finished = writersDone.await(MINUTES, TimeUnit.MINUTES);
            wrote = System.nanoTime();
            writing.set(false);
            for (Thread thread : threads) {
                thread.join(TimeUnit.MINUTES.toMillis(1));
            }
            assertThat(finished).as("all writers finished within %d minutes (a deadlock otherwise)", MINUTES).isTrue();
            assertThat(failures).as("exceptions in writers and readers").isEmpty();

            end = coordinator.snapshot();
            assertThat(repository.load()).as("the final snapshot is what the file holds").isEqualTo(end);
            assertThat(repository.version()).isEqualTo(end.version());
            CoordinatorInvariantsProperties.assertInvariants(end);
            journal = repository.journal();
            checkJournal(journal, end.version());
        }
        try (H2Repository reopened = H2Repository.open(file)) {
            assertThat(reopened.load()).as("the lab file reopened").isEqualTo(end);
        }

        List<Sent> accepted = commitOrder(sent, journal);
        replaySerially(accepted, end);
        long checked = System.nanoTime();

        long acceptedCount = sent.stream().filter(s -> s.outcome().isAccepted()).count();
        System.out.printf("many writers: %d writers x %d requests = %d requests on a lab file, %d accepted"
                        + " (%d versions written, %d replays of a client token), %d rejected; %d snapshots checked by"
                        + " %d readers; requests made in %.1f s, sent in %.1f s (%.0f requests/s), checked serially in"
                        + " %.1f s%n", WRITERS, REQUESTS_PER_WRITER, sent.size(), acceptedCount,
                end.version() - standardVersion, sent.stream().filter(s -> s.outcome() instanceof Accepted a
                        && a.replayed()).count(), sent.size() - acceptedCount, snapshotsChecked.get(), READERS,
                seconds(generated - started), seconds(wrote - generated), sent.size() / seconds(wrote - generated),
                seconds(checked - wrote));
        System.out.println("many writers: rejections by code " + sent.stream()
                .filter(x -> x.outcome() instanceof Outcome.Rejected)
                .collect(java.util.stream.Collectors.groupingBy(x -> ((Outcome.Rejected) x.outcome()).code().code(),
                        java.util.TreeMap::new, java.util.stream.Collectors.counting())));
        assertThat(sent).hasSize(WRITERS * REQUESTS_PER_WRITER);
        assertThat(snapshotsChecked.get()).as("the readers read while the writers wrote").isPositive();
    }

    /** Versions 1..N, one entry each, N the lab's version. */
    private static void checkJournal(List<JournalEntry> journal, long version) {
        assertThat(journal).as("one journal entry per version").hasSize((int) version);
        for (int i = 0; i < journal.size(); i++) {
            assertThat(journal.get(i).version()).as("journal entry %d", i + 1).isEqualTo(i + 1);
        }
    }

    /**
     * The accepted submissions that were not client-token replays, in the order the coordinator
     * decided them: by version; at one version, the one that made it (it matches the journal entry)
     * before those that changed nothing.
     */
    private static List<Sent> commitOrder(List<Sent> sent, List<JournalEntry> journal) {
        List<Sent> accepted = new ArrayList<>();
        for (Sent s : sent) {
            if (s.outcome() instanceof Accepted a && !a.replayed()) {
                accepted.add(s);
            }
        }
        Comparator<Sent> byVersion = Comparator.comparingLong(s -> ((Accepted) s.outcome()).version());
        accepted.sort(byVersion.thenComparing(s -> madeItsVersion(s, journal) ? 0 : 1));
        return accepted;
    }

    private static boolean madeItsVersion(Sent s, List<JournalEntry> journal) {
        long version = ((Accepted) s.outcome()).version();
        if (version < 1 || version > journal.size()) {
            return false;
        }
        JournalEntry entry = journal.get((int) version - 1);
        return entry.principal().equals(s.submission().as())
                && entry.request().equals(s.submission().request().describe())
                && entry.clientToken().equals(s.submission().clientToken());
    }

    /** Applies the accepted submissions one by one to a fresh lab: same versions, same end. */
    private static void replaySerially(List<Sent> accepted, Topology end) {
        try (H2Repository fresh = H2Repository.inMemory()) {
            Coordinator serial = setUp(fresh);
            for (Sent s : accepted) {
                Outcome again = serial.submit(s.submission());
                assertThat(again).as("%s (writer %d) applied serially", s.submission().request().describe(), s.writer())
                        .isInstanceOf(Accepted.class);
                assertThat(((Accepted) again).version()).as("version of %s", s.submission().request().describe())
                        .isEqualTo(((Accepted) s.outcome()).version());
            }
            assertThat(serial.snapshot()).as("the serial lab equals the concurrent one").isEqualTo(end);
        }
    }

    /**
     * Each writer's requests, made beforehand: a quarter hostile, a quarter the plainer random
     * requests, half {@link #busy} ones that mostly succeed on objects only they name, so that the
     * writers commit often and contend for the same objects.
     */
    private static List<List<Submission>> requests() {
        List<List<Submission>> work = new ArrayList<>();
        for (int w = 0; w < WRITERS; w++) {
            List<Submission> hostile = HostileRequests.submission().sampleStream().limit(REQUESTS_PER_WRITER / 4 + 1)
                    .toList();
            List<Submission> plain = RandomRequests.submission().sampleStream().limit(REQUESTS_PER_WRITER / 4 + 1)
                    .toList();
            Random random = new Random(1_000L + w);
            List<Submission> mine = new ArrayList<>();
            for (int i = 0; i < REQUESTS_PER_WRITER; i++) {
                mine.add(switch (i % 4) {
                    case 0 -> hostile.get(i / 4);
                    case 1 -> plain.get(i / 4);
                    default -> busy(random);
                });
            }
            work.add(mine);
        }
        return work;
    }

    /** The standard lab, plus what the busy requests work on: four records and an instance of alice's. */
    static Coordinator setUp(H2Repository repository) {
        Coordinator coordinator = BadRequestProperties.standardLab(repository);
        List<Request> busy = new ArrayList<>();
        busy.add(new CreateSecurityGroup(Optional.of(securityGroupId("sg-busy")), partitionId("vpc-a"), "busy",
                List.of(), Optional.empty()));
        for (int i = 0; i < BUSY_RECORDS; i++) {
            busy.add(new CreateInterface(InterfaceSpec.inSubnet(subnetId("db")).withId(interfaceId("busy-" + i))));
        }
        busy.add(new Launch(Optional.of(instanceId("busy-vm")), Optional.of(HostileRequests.ALICE), "m5.24xlarge",
                "zone-1", Optional.empty(), InstanceState.PENDING,
                List.of(InterfaceSpec.inSubnet(subnetId("db")).withId(interfaceId("busy-vm-eth0"))), Map.of()));
        for (Request request : busy) {
            Outcome outcome = coordinator.submit(Submission.as(HostileRequests.ALICE, request));
            assertThat(outcome.isAccepted()).as("%s: %s", request.describe(), outcome).isTrue();
        }
        return coordinator;
    }

    private static final int BUSY_RECORDS = 4;

    /** A change alice may make to the busy objects; most succeed. */
    static Submission busy(Random random) {
        InterfaceId record = interfaceId("busy-" + random.nextInt(BUSY_RECORDS));
        int k = random.nextInt(60_000);
        Request request = switch (random.nextInt(8)) {
            case 0 -> new ModifyInterface(record, Optional.of("note " + k), Optional.empty(), Optional.empty(),
                    Optional.empty());
            case 1 -> new Authorize(securityGroupId("sg-busy"), Direction.INGRESS, rule(k));
            case 2 -> new Revoke(securityGroupId("sg-busy"), Direction.INGRESS, rule(k));
            case 3 -> new SetRoute(subnetId("db"), new Ipv4Prefix(Ipv4Address.parse("172.16.0.0"), 16 + k % 9),
                    k % 3 == 0 ? Optional.empty() : Optional.of(RouteTarget.BLACKHOLE));
            case 4 -> Attach.attach(record, instanceId("busy-vm"));
            case 5 -> Detach.interfaceOf(record);
            case 6 -> new AssignIps(record, List.of(), 1 + k % 2, false);
            default -> new UnassignIps(record, List.of(Ipv4Address.parse("10.0.2." + (4 + k % 60))));
        };
        return Submission.as(HostileRequests.ALICE, request);
    }

    private static Rule rule(int k) {
        return new Rule(Protocol.TCP, PortSet.parse(Integer.toString(1 + k % 64)),
                RulePeer.of(new Ipv4Prefix(Ipv4Address.parse("10.9.0.0"), 16)));
    }

    private static double seconds(long nanos) {
        return nanos / 1e9;
    }
}
