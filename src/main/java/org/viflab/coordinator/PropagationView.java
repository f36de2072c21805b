package org.viflab.coordinator;

import org.viflab.model.AttachmentId;
import org.viflab.model.InterfaceId;

/**
 * What the coordinator needs to know of configuration operations still queued (stepwise
 * propagation): an attachment is {@code attaching} while an operation of its attach is queued, a
 * record is {@code detaching} while one of its detach is.
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
}
