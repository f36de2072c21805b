package org.viflab.ui.canvas;

import java.util.Objects;
import java.util.Optional;
import org.viflab.model.Attachment;
import org.viflab.model.InterfaceRecord;
import org.viflab.model.InterfaceStatus;

/**
 * One laid-out canvas node: where it goes, what it belongs to, and the model object it shows.
 *
 * @param container the node it sits in (a chip's instance or subnet band, an instance's platform…), if any
 * @param model     the object shown: a partition, subnet, zone name, platform, NIC, instance,
 *                  {@link Chip} or, for the internet and the tray, {@code null}
 * @param state     a word for styling: an instance's state, a NIC's {@code up}/{@code down}, a
 *                  record's status
 * @param count     a number to show: a subnet's free addresses, a platform's or tray's instances
 * @param members   how many chips or instances the node holds (shown instead of them when zoomed out)
 */
public record Item(CanvasKey key, Rect bounds, CanvasKey container, Object model, String state, long count,
                   int members) {

    public Item {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(bounds, "bounds");
        state = state == null ? "" : state;
    }

    public Optional<CanvasKey> containerKey() {
        return Optional.ofNullable(container);
    }

    /** What an interface chip shows: the record, the attachment it stands for (none: free) and its status. */
    public record Chip(InterfaceRecord record, Optional<Attachment> attachment, InterfaceStatus status,
                       java.util.List<String> macs) {
        public Chip {
            Objects.requireNonNull(record, "record");
            Objects.requireNonNull(attachment, "attachment");
            Objects.requireNonNull(status, "status");
            macs = java.util.List.copyOf(macs);
        }

        public boolean attached() {
            return attachment.isPresent();
        }
    }
}
