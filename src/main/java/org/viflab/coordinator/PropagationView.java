package org.viflab.coordinator;

import org.viflab.model.AttachmentId;
import org.viflab.model.InstanceId;
import org.viflab.model.InterfaceId;

/**
 * What the coordinator needs to know of configuration operations still queued (stepwise
 * propagation): an attachment is {@code attaching} while an operation of its attach is queued, a
 * record is {@code detaching} while one of its detach is; a record shows no MAC for an instance
 * while its {@code plug} into that instance is still queued.
 */
public interface PropagationView {

    /** Nothing is ever queued: instant propagation. */
    PropagationView INSTANT = new PropagationView() {
        @Override
        public boolean attaching(AttachmentId attachment) {
            return false;
        }

        @Override
        public boolean detaching(InterfaceId iface) {
            return false;
        }
    };

    boolean attaching(AttachmentId attachment);

    boolean detaching(InterfaceId iface);

    /**
     * Whether a {@code plug} of the record into the instance is still queued — including the
     * deferred plugs that {@code start}, {@code place} and {@code move} emit, which belong to no
     * attach. Nothing is queued by default.
     */
    default boolean plugQueued(InterfaceId iface, InstanceId instance) {
        return false;
    }
}
