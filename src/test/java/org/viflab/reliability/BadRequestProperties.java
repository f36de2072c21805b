package org.viflab.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import org.viflab.coordinator.Coordinator;
import org.viflab.coordinator.CoordinatorInvariantsProperties;
import org.viflab.coordinator.Fixture;
import org.viflab.coordinator.Outcome;
import org.viflab.coordinator.Outcome.Accepted;
import org.viflab.coordinator.Outcome.Rejected;
import org.viflab.coordinator.Submission;
import org.viflab.model.Topology;
import org.viflab.store.H2Repository;

/**
 * Random, partly invalid requests (see {@link HostileRequests}) sent to the standard lab, each
 * checked on its own:
 * <ul>
 *   <li>it is answered — accepted, or rejected with a code of the semantics table (or
 *       {@code DryRunOperation} / {@code IdempotentParameterMismatch}) and a sentence — and never
 *       with an exception;</li>
 *   <li>a rejected one changed nothing: the coordinator's snapshot, the stored lab and the journal
 *       are as before;</li>
 *   <li>an accepted one leaves the lab's invariants true, and the stored lab equal to the snapshot;</li>
 *   <li>no principal but the operator changes an object it has no right on ({@link Rights}),
 *       whatever it sends: bob never changes alice's objects unless she granted him a right.</li>
 * </ul>
 */
class BadRequestProperties {

    /** The codes of the semantics table, spelled as there, plus the two that are not rule violations. */
    static final Set<String> SEMANTICS_CODES = Set.of(
            "InvalidNetworkInterfaceID.NotFound", "InvalidInstanceID.NotFound", "InvalidSubnetID.NotFound",
            "InvalidGroup.NotFound", "InvalidVpcID.NotFound", "InvalidPlatformID.NotFound",
            "InvalidAttachmentID.NotFound", "InvalidParameterValue", "InvalidIPAddress.InUse", "InvalidSubnet.Range",
            "InvalidSubnet.Conflict", "InvalidNetworkInterface.InUse", "InvalidParameterCombination",
            "AttachmentLimitExceeded", "PrivateIpAddressLimitExceeded", "OperationNotPermitted",
            "DependencyViolation", "InvalidParameter", "UnauthorizedOperation", "IncorrectInstanceState",
            "InsufficientInstanceCapacity", "InsufficientFreeAddressesInSubnet",
            "SecurityGroupsPerInterfaceLimitExceeded", "InvalidVpc.Range", "Resource.AlreadyAssociated",
            "IncorrectState",
            "DryRunOperation", "IdempotentParameterMismatch");

    private static final AtomicLong SENT = new AtomicLong();
    private static final AtomicLong ACCEPTED = new AtomicLong();
    private static final AtomicLong BY_OTHERS = new AtomicLong();
    private static final AtomicLong CHANGES_BY_OTHERS = new AtomicLong();

    @Property(tries = 200)
    void everyRequestIsAnsweredAndARejectedOneChangesNothing(@ForAll("sessions") List<Submission> session) {
        try (H2Repository repository = H2Repository.inMemory()) {
            Coordinator coordinator = standardLab(repository);
            for (Submission submission : session) {
                Topology before = coordinator.snapshot();
                int journal = repository.journal().size();
                Outcome outcome = answer(coordinator, submission);
                SENT.incrementAndGet();
                if (outcome instanceof Rejected rejected) {
                    assertThat(SEMANTICS_CODES).as("%s → %s", submission, rejected).contains(rejected.code().code());
                    assertThat(rejected.message()).as(rejected.code().code()).isNotBlank();
                    assertThat(coordinator.snapshot()).as("snapshot after %s", rejected).isEqualTo(before);
                    assertThat(repository.load()).as("stored lab after %s", rejected).isEqualTo(before);
                    assertThat(repository.journal()).as("journal after %s", rejected).hasSize(journal);
                } else {
                    ACCEPTED.incrementAndGet();
                    Topology after = coordinator.snapshot();
                    assertThat(repository.load()).as("stored lab after %s", submission).isEqualTo(after);
                    assertThat(repository.journal()).hasSize((int) after.version());
                    CoordinatorInvariantsProperties.assertInvariants(after);
                }
            }
        }
    }

    @Property(tries = 200)
    void nobodyChangesWhatTheyHaveNoRightOn(@ForAll("sessions") List<Submission> session) {
        try (H2Repository repository = H2Repository.inMemory()) {
            Coordinator coordinator = standardLab(repository);
            for (Submission submission : session) {
                Topology before = coordinator.snapshot();
                Outcome outcome = answer(coordinator, submission);
                if (!submission.as().equals(Topology.OPERATOR)) {
                    BY_OTHERS.incrementAndGet();
                    if (outcome instanceof Accepted && !coordinator.snapshot().equals(before)) {
                        CHANGES_BY_OTHERS.incrementAndGet();
                    }
                }
                List<String> trespasses = Rights.trespasses(before, coordinator.snapshot(), submission.as());
                assertThat(trespasses).as("%s as %s answered %s", submission.request().describe(), submission.as(),
                        outcome instanceof Rejected r ? r : "accepted").isEmpty();
            }
        }
    }

    @AfterContainer
    static void report() {
        System.out.printf("bad requests: %d sent and checked (%d accepted); rights: %d sent by others than the"
                + " operator, %d of which changed the lab%n", SENT.get(), ACCEPTED.get(), BY_OTHERS.get(),
                CHANGES_BY_OTHERS.get());
    }

    private static Outcome answer(Coordinator coordinator, Submission submission) {
        try {
            return coordinator.submit(submission);
        } catch (RuntimeException | StackOverflowError e) {
            throw new AssertionError(submission.request().describe() + " as " + submission.as() + " (" + submission
                    + ") threw instead of being answered", e);
        }
    }

    static Coordinator standardLab(H2Repository repository) {
        Coordinator coordinator = new Coordinator(repository);
        for (Submission s : Fixture.standardRequests()) {
            if (!(coordinator.submit(s) instanceof Accepted)) {
                fail("the standard lab cannot be built: %s", s.request().describe());
            }
        }
        return coordinator;
    }

    @Provide
    Arbitrary<List<Submission>> sessions() {
        return HostileRequests.submission().list().ofMinSize(10).ofMaxSize(60);
    }
}
