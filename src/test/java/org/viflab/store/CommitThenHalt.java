package org.viflab.store;

import static org.viflab.model.AttachmentId.attachmentId;

import java.nio.file.Path;
import org.viflab.model.Topology;

/**
 * Run in a child JVM by {@link DurabilityTest}: commits two versions to the lab file named by its
 * argument and stops the JVM the moment the second commit returns, with no shutdown hooks and no
 * close, the way a crash or a kill -9 would.
 */
final class CommitThenHalt {

    /** The exit status that says both commits returned. */
    static final int HALTED_AFTER_COMMIT = 42;

    private CommitThenHalt() {
    }

    public static void main(String[] args) {
        H2Repository repository = H2Repository.open(Path.of(args[0]));
        Topology v1 = Labs.commit(repository, Topology.empty(), "build", Labs::rich);
        Labs.commit(repository, v1, "detach att-1", b -> b.removeAttachment(attachmentId("att-1")));
        Runtime.getRuntime().halt(HALTED_AFTER_COMMIT);
    }

    /** What the lab holds after {@link #main}. */
    static Topology expected() {
        Topology v1 = Labs.rich(Topology.empty().toBuilder()).version(1).build();
        return v1.toBuilder().removeAttachment(attachmentId("att-1")).version(2).build();
    }
}
