package org.viflab.ui.canvas;

import java.util.List;
import javafx.geometry.VPos;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Region;
import javafx.scene.text.Text;
import org.viflab.model.Partition;
import org.viflab.model.PhysicalNic;
import org.viflab.model.ResourceInstance;
import org.viflab.model.ServicePlatform;
import org.viflab.model.Subnet;
import org.viflab.ui.Texts;

/**
 * One node of the canvas. It holds its key and the item it was last drawn from, nothing else: its
 * words come from the item's model object, its look from CSS classes ({@code vif-<kind>} and the
 * item's state).
 *
 * <p>A node in the window comes with a {@link #painted() twin} that lives in the canvas's
 * off-screen scene, where the tiles are drawn from: every change made to the node is made to its
 * twin. (A snapshot of a node in the window would make JavaFX repaint the whole window.) Only the
 * twin has text nodes; the node in the window carries its words as accessible text.
 */
final class NodeView extends Region {

    private static final double CHAR_W = 7.2;
    private static final double SMALL_CHAR_W = 6.3;

    private final CanvasKey key;
    // Texts are made when they first have words: every node in the scene costs CSS and bounds work.
    private Text title;
    private Text aside;
    private Text second;
    private Text center;
    private Item item;
    private Lod lod;
    private String stateClass;
    private Tooltip tooltip;
    private String tipText;
    /** The copy drawn into the tiles; {@code null} for the copy itself. */
    private final NodeView twin;

    /** A node for the window, with its twin for the tiles. */
    NodeView(CanvasKey key) {
        this(key, true);
    }

    private NodeView(CanvasKey key, boolean inWindow) {
        this.key = key;
        // No node has an id (find one with TopologyCanvas.nodeOf): JavaFX keys its cache of matched
        // style rules by id too, so nodes with unique ids would each match every rule again when
        // they come into view.
        getStyleClass().addAll("vif-node", "vif-" + key.kind().prefix());
        setFocusTraversable(false);
        twin = inWindow ? new NodeView(key, false) : null;
        if (inWindow) {
            // Tooltips are made on first hover: hundreds of nodes come into view at once when panning.
            addEventHandler(javafx.scene.input.MouseEvent.MOUSE_ENTERED, e -> {
                if (tooltip == null && tipText != null) {
                    tooltip = new Tooltip(tipText);
                    Tooltip.install(this, tooltip);
                }
            });
        }
    }

    /** The twin drawn into the tiles. */
    NodeView painted() {
        return twin;
    }

    /** Sets the words of one of the node's texts, making the text node if it has none yet. */
    private Text put(Text t, String styleClass, String words) {
        if (t == null) {
            if (words.isEmpty()) {
                return null;
            }
            t = new Text();
            t.getStyleClass().add(styleClass);
            t.setTextOrigin(VPos.TOP);
            t.setManaged(false);
            getChildren().add(t);
        }
        t.setText(words);
        return t;
    }

    private static double width(Text t) {
        return t == null ? 0 : t.getLayoutBounds().getWidth();
    }

    CanvasKey key() {
        return key;
    }

    Item item() {
        return item;
    }

    /**
     * Draws the node for {@code newItem} at the given level of detail.
     *
     * @return whether anything changed (nothing does if both are as before)
     */
    boolean update(Item newItem, Lod newLod, Texts texts) {
        if (newLod == lod && (newItem == item || newItem.equals(item))) {
            return false;
        }
        if (twin != null) {
            twin.update(newItem, newLod, texts);
        }
        if (newLod != lod) {
            getStyleClass().removeAll("lod-medium", "lod-coarse");
            if (newLod != Lod.DETAIL) {
                getStyleClass().add(newLod == Lod.MEDIUM ? "lod-medium" : "lod-coarse");
            }
        }
        item = newItem;
        lod = newLod;
        Rect b = newItem.bounds();
        relocate(b.x(), b.y());
        setPrefSize(b.w(), b.h());
        setMinSize(b.w(), b.h());
        setMaxSize(b.w(), b.h());
        resize(b.w(), b.h());
        String state = newItem.state().isEmpty() ? null : "state-" + newItem.state().replace(' ', '-');
        if (stateClass != null && !stateClass.equals(state)) {
            getStyleClass().remove(stateClass);
        }
        if (state != null && !state.equals(stateClass)) {
            getStyleClass().add(state);
        }
        stateClass = state;
        words(texts);
        requestLayout();
        return true;
    }

    private void words(Texts texts) {
        if (twin != null) {
            // The node in the window is never drawn (its twin is, into the tiles, and has just said
            // its words): it takes the mouse, shows the tooltip and tells assistive technology what
            // it shows, without text nodes of its own, which would cost CSS and bounds work in every
            // frame of a pan.
            tipText = twin.tipText;
            if (tooltip != null) {
                tooltip.setText(tipText == null ? "" : tipText);
            }
            setAccessibleText(twin.getAccessibleText());
            return;
        }
        String t = "";
        String a = "";
        String s = "";
        String c = "";
        String tip = null;
        Object model = item.model();
        switch (key.kind()) {
            case PARTITION -> {
                Partition p = (Partition) model;
                t = p.id() + "  " + p.cidr();
                a = texts.get("canvas.partition.owner", p.owner());
            }
            case SUBNET -> {
                Subnet sn = (Subnet) model;
                t = sn.id() + "  " + sn.cidr();
                a = texts.get("canvas.subnet.free", item.count());
                if (lod != Lod.DETAIL && item.members() > 0) {
                    c = texts.get("canvas.subnet.records", item.members());
                }
                tip = sn.zone();
            }
            case ZONE -> t = texts.get("canvas.zone", model);
            case PLATFORM -> {
                ServicePlatform p = (ServicePlatform) model;
                t = p.id().value();
                a = item.count() + "/" + p.capacity();
                if (lod != Lod.DETAIL && item.members() > 0) {
                    c = texts.get("canvas.platform.instances", item.members());
                }
            }
            case TRAY -> t = texts.get("canvas.tray");
            case INTERNET -> t = "☁ " + texts.get("canvas.internet");
            case ON_PREMISES -> {
                Partition p = (Partition) model;
                t = "⌂ " + texts.get("canvas.onPremises");
                s = p.vpnOnPremises().map(Object::toString).orElse("");
            }
            case GATEWAY -> {
                Partition p = (Partition) model;
                t = key.id().startsWith("igw:") ? "IGW" : "VPN";
                tip = texts.get(key.id().startsWith("igw:") ? "canvas.igw" : "canvas.vgw", p.id());
            }
            case NIC -> {
                PhysicalNic nic = (PhysicalNic) model;
                t = (nic.up() ? "▲ " : "▼ ") + nic.id();
                tip = nic.id() + "  " + nic.mac() + "  " + texts.get(nic.up() ? "canvas.nic.up" : "canvas.nic.down")
                        + "\n" + texts.get("canvas.nic.toggle");
            }
            case INSTANCE -> {
                ResourceInstance i = (ResourceInstance) model;
                t = i.id().value();
                a = i.type();
                if (lod != Lod.DETAIL && item.members() > 0) {
                    c = "+" + item.members() + " VIF";
                }
                tip = i.id() + " · " + i.type() + " · " + texts.get("state." + i.state()) + " · " + i.zone();
            }
            case INTERFACE -> {
                Item.Chip chip = (Item.Chip) model;
                t = chip.record().id().value();
                a = chip.attachment().map(at -> "#" + at.deviceIndex()).orElse("");
                String publicIps = chip.record().publicIps().isEmpty() ? ""
                        : " · " + chip.record().publicIps().get(0).publicIp();
                s = chip.record().primaryIp() + publicIps;
                tip = chip.record().id() + " · " + texts.get("status." + chip.status().name()) + "\n"
                        + texts.get("canvas.chip.mac", chip.macs().isEmpty() ? "—" : String.join(", ", chip.macs()));
            }
            default -> {
            }
        }
        // What the node in the window gives its tooltip and assistive technology (all the words, at
        // every level of detail).
        tipText = tip;
        setAccessibleText(String.join(" ", java.util.stream.Stream.of(t, a, s, c).filter(x -> !x.isEmpty()).toList()));
        double scale = 1;
        if (lod != Lod.DETAIL) {
            // Far out, small print is unreadable and costly: boxes keep their colour, regions
            // keep their name and counts in large print.
            boolean region = NodeView.regionKinds().contains(key.kind());
            if (!region) {
                t = "";
                c = "";
            }
            a = "";
            s = "";
            scale = lod == Lod.MEDIUM ? 2 : 4;
        }
        double room = item.bounds().w() - 16 - (a.isEmpty() ? 0 : (a.length() * SMALL_CHAR_W + 8));
        title = put(title, "node-title", fit(t, room, CHAR_W * scale));
        aside = put(aside, "node-aside", a);
        second = put(second, "node-second", fit(s, item.bounds().w() - 16, SMALL_CHAR_W));
        center = put(center, "node-center", c);
    }

    private static String fit(String text, double room, double charWidth) {
        if (text.isEmpty()) {
            return text;
        }
        int max = (int) Math.max(3, room / charWidth);
        return text.length() <= max ? text : text.substring(0, Math.max(1, max - 1)) + "…";
    }

    @Override
    protected void layoutChildren() {
        double w = getWidth();
        double h = getHeight();
        boolean small = key.kind() == CanvasKey.Kind.NIC || key.kind() == CanvasKey.Kind.GATEWAY;
        double top = small ? 3 : 6;
        if (title != null) {
            title.relocate(8, top);
        }
        if (aside != null) {
            aside.relocate(w - width(aside) - 8, top + 1);
        }
        if (second != null) {
            second.relocate(8, top + 15);
        }
        if (center != null) {
            double cw = width(center);
            double ch = center.getLayoutBounds().getHeight();
            double below = (title == null ? 0 : title.getLayoutBounds().getHeight()) + top + 4;
            center.relocate(Math.max(8, (w - cw) / 2), Math.max(below, (h - ch) / 2 + 6));
        }
    }

    /** Marks the node as a drop target: {@code ok}, {@code bad}, or neither ({@code null}). */
    void dropFeedback(Boolean ok) {
        getStyleClass().removeAll("drop-ok", "drop-bad");
        if (ok != null) {
            getStyleClass().add(ok ? "drop-ok" : "drop-bad");
        }
        if (twin != null) {
            twin.dropFeedback(ok);
        }
    }

    void selected(boolean on) {
        mark("selected", on);
    }

    /** Marks the node as the one being dragged (drawn faded). */
    void dragged(boolean on) {
        mark("dragged", on);
    }

    private void mark(String styleClass, boolean on) {
        if (on) {
            if (!getStyleClass().contains(styleClass)) {
                getStyleClass().add(styleClass);
            }
        } else {
            getStyleClass().remove(styleClass);
        }
        if (twin != null) {
            twin.mark(styleClass, on);
        }
    }

    static List<CanvasKey.Kind> regionKinds() {
        return List.of(CanvasKey.Kind.PARTITION, CanvasKey.Kind.SUBNET, CanvasKey.Kind.ZONE, CanvasKey.Kind.PLATFORM,
                CanvasKey.Kind.TRAY, CanvasKey.Kind.INTERNET, CanvasKey.Kind.ON_PREMISES, CanvasKey.Kind.GATEWAY);
    }
}
