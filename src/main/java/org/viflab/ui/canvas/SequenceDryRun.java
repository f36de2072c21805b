package org.viflab.ui.canvas;

import java.util.List;
import java.util.Optional;
import org.viflab.coordinator.Coordinator;
import org.viflab.coordinator.JournalEntry;
import org.viflab.coordinator.Outcome;
import org.viflab.coordinator.PropagationView;
import org.viflab.coordinator.Repository;
import org.viflab.coordinator.Submission;
import org.viflab.fabric.Propagation;
import org.viflab.model.AttachmentId;
import org.viflab.model.InterfaceId;
import org.viflab.model.Topology;

/**
 * A dry run of several requests in a row (a chip dragged from one instance to another: detach, then
 * attach). A coordinator's dry run of the second request would see the lab before the first, so
 * the requests are applied for real to a scratch copy of the snapshot (the snapshot is immutable:
 * the copy costs nothing) and the last one is dry-run there. The lab itself is not touched.
 *
 * <p>This belongs in the lab ({@code Lab.dryRunAll}); it lives here until the lab offers it.
 */
final class SequenceDryRun {

    private SequenceDryRun() {
    }

    /** The coordinator's answer to the last request after the others were applied, or the first rejection. */
    static Outcome check(Topology topology, List<Propagation.Pending> pending, List<Submission> submissions) {
        Coordinator coordinator = new Coordinator(new ScratchRepository(topology));
        coordinator.propagation(new PropagationView() {
            @Override
            public boolean attaching(AttachmentId attachment) {
                return pending.stream().anyMatch(p -> p.attaching().contains(attachment));
            }

            @Override
            public boolean detaching(InterfaceId iface) {
                return pending.stream().anyMatch(p -> p.detaching().contains(iface));
            }

            @Override
            public boolean plugQueued(InterfaceId iface, org.viflab.model.InstanceId instance) {
                return pending.stream().anyMatch(p -> p.op() instanceof org.viflab.model.ConfigOperation.PlugOp plug
                        && plug.plug() && plug.iface().equals(iface) && plug.instance().equals(instance));
            }
        });
        for (int i = 0; i < submissions.size() - 1; i++) {
            Outcome outcome = coordinator.submit(submissions.get(i));
            if (!outcome.isAccepted()) {
                return outcome;
            }
        }
        return coordinator.submit(submissions.get(submissions.size() - 1).asDryRun());
    }

    /** A repository that holds one snapshot in memory and forgets everything when dropped. */
    private static final class ScratchRepository implements Repository {
        private Topology topology;

        ScratchRepository(Topology topology) {
            this.topology = topology;
        }

        @Override
        public Topology load() {
            return topology;
        }

        @Override
        public long version() {
            return topology.version();
        }

        @Override
        public void commitAll(long expectedVersion, Topology after, java.util.Set<Object> touched,
                              List<JournalEntry> entries) {
            topology = after;
        }

        @Override
        public List<JournalEntry> journal() {
            return List.of();
        }

        @Override
        public Optional<JournalEntry> findByClientToken(String clientToken) {
            return Optional.empty();
        }

        @Override
        public void close() {
        }
    }
}
