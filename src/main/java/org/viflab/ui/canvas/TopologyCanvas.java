package org.viflab.ui.canvas;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javafx.animation.TranslateTransition;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.collections.ListChangeListener;
import javafx.geometry.Point2D;
import javafx.scene.Group;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.image.WritableImage;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Region;
import javafx.scene.shape.Circle;
import javafx.scene.shape.Line;
import javafx.scene.shape.Polygon;
import javafx.scene.shape.Polyline;
import javafx.scene.shape.Rectangle;
import javafx.scene.transform.Scale;
import javafx.scene.transform.Translate;
import javafx.util.Duration;
import org.viflab.ui.Texts;

/**
 * The topology canvas: a keyed projection of the layout. It keeps one {@link NodeView} per key
 * ({@code Map<CanvasKey, NodeView>}), creates a node when it first comes near the view, updates it
 * when its item changes and drops it when its object goes away. Only nodes near the viewport are
 * in the scene graph (culling), and the level of detail drops as the user zooms out.
 *
 * <p>The nodes are never drawn directly: they sit under a transparent group, where they still take
 * the mouse (and the tests' lookups), and what the user sees of them is a {@link TileCache} of
 * pictures taken at the current zoom. The pictures are taken of the nodes' twins in an off-screen
 * scene with the window's style sheets, because a snapshot of anything in the window makes JavaFX
 * repaint the whole window at the next frame. Panning moves the pictures; whatever changes a node's
 * look (a new item, the selection, a drop target's glow, a link) marks the tiles under it for
 * redrawing. Flow paths and the packet are drawn live above the tiles.
 *
 * <p>Gestures are press–drag–release mouse gestures (no platform drag and drop): dragging a chip or
 * an instance shows a ghost, hit-tests the layout under the pointer, and marks the target green or
 * red from the view model's dry run; releasing drops. Dragging anything else pans; the wheel zooms.
 */
public final class TopologyCanvas extends Region {

    static final double MIN_SCALE = 0.02;
    static final double MAX_SCALE = 3;
    private static final double DRAG_THRESHOLD = 5;
    /** Tile side in screen pixels. */
    private static final int TILE = 256;
    /** Rings of tiles around those in view whose nodes are in the scene: drawn ahead of need. */
    private static final int RING = 1;
    /** Rings of tiles around those in view kept once drawn, for panning back. */
    private static final int KEEP = 2;
    /** Tiles drawn ahead per pan step (more are drawn at the next pulses). */
    private static final int AHEAD_PER_STEP = 1;
    /** Tiles drawn ahead at most per pulse, within the frame's time for them. */
    private static final int AHEAD_PER_PULSE = 4;
    /**
     * FX-thread time a frame may spend drawing tiles ahead of the view (those in view are drawn
     * whatever they cost): about a third of a 60 Hz frame, one or two tiles.
     */
    private static final long AHEAD_BUDGET = 5_000_000L;
    /** Screen pixels around a changed node whose tiles are redrawn: its border, glow and overhanging text. */
    private static final double GLOW = 28;
    /** Kinds drawn as a filled box with a solid outline: resizing one changes only its edges and head. */
    private static final Set<CanvasKey.Kind> SOLID_BOXES = java.util.EnumSet.of(CanvasKey.Kind.PARTITION,
            CanvasKey.Kind.SUBNET, CanvasKey.Kind.ZONE, CanvasKey.Kind.PLATFORM, CanvasKey.Kind.INSTANCE);
    /** World units from the top of a box where its words are. */
    private static final double HEAD = 48;
    /** World units either side of a box's edge that its rounded corners and outline cover. */
    private static final double CORNER = 24;
    /** How many node views to keep, shown or not, before forgetting those out of view. */
    private static final int NODE_CACHE = 5000;

    private final CanvasViewModel vm;
    private final Texts texts;
    /** The pan applied to the world: whole pixels, so that tiles and live layers line up exactly. */
    private final Translate pan = new Translate();
    /** The pan as asked for (gestures move it by fractions of a pixel). */
    private double panX;
    private double panY;
    private final Scale zoom = new Scale(1, 1, 0, 0);
    private final Group world = new Group();
    /** The canvas nodes: pickable, never drawn (see {@link #tiles}). */
    private final Group statics = new Group();
    private final Group hidden = new Group(statics);
    /** The nodes' twins, in the off-screen scene the tiles are drawn from. */
    private final Group paintStatics = new Group();
    private final Group paintRoot = new Group(paintStatics);
    private final Scene paintScene = new Scene(paintRoot);
    private final TileCache tiles = new TileCache(paintStatics, TILE, this::prepareTiles, AHEAD_BUDGET);
    private final Map<Layer, Group> layers = new EnumMap<>(Layer.class);
    private final Map<Layer, Group> paintLayers = new EnumMap<>(Layer.class);
    private final Pane overlay = new Pane();
    private final Label ghost = new Label();
    private final Label feedback = new Label();
    private final Circle packet = new Circle(9);
    private final Map<CanvasKey, NodeView> nodes = new HashMap<>();
    private final Set<CanvasKey> shown = new HashSet<>();
    /** The link lines drawn now: in the window, and their twins for the tiles. */
    private final Map<Link, Line[]> lines = new HashMap<>();
    private final ReadOnlyDoubleWrapper scale = new ReadOnlyDoubleWrapper(this, "scale", 1);
    private final Runnable pulse = this::drawPendingTiles;
    private final ListChangeListener<String> restyled = c -> restyled();
    private final javafx.beans.value.ChangeListener<javafx.scene.Parent> rerooted = (obs, old, now) -> {
        if (old != null) {
            old.getStyleClass().removeListener(restyled);
        }
        if (now != null) {
            now.getStyleClass().addListener(restyled);
        }
        restyled();
    };
    private TileCache.Range nodeTiles;
    private Lod lodShown;
    private boolean fitPending = true;
    private boolean disposed;
    private boolean inLayout;
    private boolean tilesPending;
    /** The cull follows a new layout: nodes it brings in are new objects, not yet in any tile. */
    private boolean newLayout;
    private double maxFitScale = 1.0;

    // gesture state
    private CanvasKey pressedKey;
    private double pressX;
    private double pressY;
    private double lastX;
    private double lastY;
    private boolean dragging;
    private boolean panning;
    private CanvasKey target;

    private enum Layer { REGIONS, LINKS, BOXES, CHIPS, PATHS }

    public TopologyCanvas(CanvasViewModel vm, Texts texts) {
        this.vm = vm;
        this.texts = texts;
        getStyleClass().add("topology-canvas");
        setId("topology-canvas");
        for (Layer layer : Layer.values()) {
            Group g = new Group();
            g.setAutoSizeChildren(false);
            layers.put(layer, g);
            (layer == Layer.PATHS ? world : statics).getChildren().add(g);
            if (layer != Layer.PATHS) {
                Group p = new Group();
                p.setAutoSizeChildren(false);
                paintLayers.put(layer, p);
                paintStatics.getChildren().add(p);
            }
        }
        paintStatics.setAutoSizeChildren(false);
        paintRoot.setAutoSizeChildren(false);
        layers.get(Layer.LINKS).setMouseTransparent(true);
        layers.get(Layer.PATHS).setMouseTransparent(true);
        statics.setAutoSizeChildren(false);
        // Opacity 0 skips drawing the nodes in frames but keeps them under the mouse; the tiles
        // are snapshots of this group, which is itself opaque.
        hidden.setOpacity(0);
        hidden.setAutoSizeChildren(false);
        world.getChildren().add(0, hidden);
        world.setAutoSizeChildren(false);
        world.setManaged(false);
        world.getTransforms().addAll(pan, zoom);
        packet.getStyleClass().add("packet");
        packet.setId("packet");
        packet.setVisible(false);
        packet.setManaged(false);
        ghost.getStyleClass().add("drag-ghost");
        ghost.setId("drag-ghost");
        ghost.setVisible(false);
        ghost.setMouseTransparent(true);
        ghost.setManaged(false);
        feedback.getStyleClass().add("drop-feedback");
        feedback.setId("drop-feedback");
        feedback.setVisible(false);
        feedback.setMouseTransparent(true);
        feedback.setManaged(false);
        feedback.setWrapText(true);
        feedback.setMaxWidth(420);
        overlay.getChildren().addAll(ghost, feedback);
        overlay.setPickOnBounds(false);
        overlay.setMouseTransparent(true);
        getChildren().addAll(tiles.node(), world, overlay);
        Rectangle clip = new Rectangle();
        clip.widthProperty().bind(widthProperty());
        clip.heightProperty().bind(heightProperty());
        setClip(clip);

        vm.layoutProperty().addListener((obs, old, now) -> reconcile(now));
        vm.selectedProperty().addListener((obs, old, now) -> {
            // also when out of the scene: it would come back still looking selected
            Optional.ofNullable(old).map(nodes::get).ifPresent(n -> {
                n.selected(false);
                changed(n);
            });
            node(now).ifPresent(n -> {
                n.selected(true);
                changed(n);
            });
            drawLinks();
            drawTiles(AHEAD_PER_STEP);
        });
        vm.paths().addListener((ListChangeListener<FlowPath>) c -> drawPaths());
        vm.packetProperty().addListener((obs, old, now) -> movePacket(now));
        sceneProperty().addListener((obs, old, now) -> {
            if (old != null) {
                unhook(old);
            }
            if (now != null && !disposed) {
                now.addPostLayoutPulseListener(pulse);
                now.getStylesheets().addListener(restyled);
                now.rootProperty().addListener(rerooted);
                rerooted.changed(now.rootProperty(), null, now.getRoot());
            }
        });

        addEventHandler(MouseEvent.MOUSE_PRESSED, this::pressed);
        addEventHandler(MouseEvent.MOUSE_DRAGGED, this::dragged);
        addEventHandler(MouseEvent.MOUSE_RELEASED, this::released);
        addEventHandler(ScrollEvent.SCROLL, this::scrolled);
        reconcile(vm.layout());
    }

    // ---- view transform -----------------------------------------------------------------------

    /** The zoom factor (1 = 100 %). */
    public ReadOnlyDoubleProperty scaleProperty() {
        return scale.getReadOnlyProperty();
    }

    public double scale() {
        return zoom.getX();
    }

    public double panX() {
        return panX;
    }

    public double panY() {
        return panY;
    }

    private void applyPan() {
        pan.setX(Math.round(panX));
        pan.setY(Math.round(panY));
    }

    /** Moves the view by a distance in screen pixels. */
    public void panBy(double dx, double dy) {
        panX += dx;
        panY += dy;
        applyPan();
        viewChanged(false);
    }

    /** Zooms by {@code factor} keeping the point under ({@code px}, {@code py}) (canvas coordinates) still. */
    public void zoomBy(double factor, double px, double py) {
        double s = zoom.getX();
        double next = Math.max(MIN_SCALE, Math.min(MAX_SCALE, s * factor));
        double ratio = next / s;
        panX = px - (px - panX) * ratio;
        panY = py - (py - panY) * ratio;
        applyPan();
        zoom.setX(next);
        zoom.setY(next);
        scale.set(next);
        viewChanged(false);
    }

    /** Zooms about the centre of the view. */
    public void zoomBy(double factor) {
        zoomBy(factor, getWidth() / 2, getHeight() / 2);
    }

    /** The largest zoom {@link #fit()} chooses (100 %; classroom mode allows more, for a projector). */
    public void setMaxFitScale(double value) {
        maxFitScale = value;
    }

    /** Shows the whole lab (at most at {@link #setMaxFitScale its largest fit zoom}). */
    public void fit() {
        if (getWidth() <= 0 || getHeight() <= 0) {
            fitPending = true;
            return;
        }
        fitPending = false;
        Rect w = vm.layout().world();
        double s = Math.min(getWidth() / w.w(), getHeight() / w.h());
        s = Math.max(MIN_SCALE, Math.min(maxFitScale, s * 0.97));
        zoom.setX(s);
        zoom.setY(s);
        scale.set(s);
        panX = Math.max(0, (getWidth() - w.w() * s) / 2);
        panY = Math.max(0, (getHeight() - w.h() * s) / 2);
        applyPan();
        viewChanged(true);
    }

    /** Asks for a fit at the next layout pass (after a new lab opens). */
    public void fitWhenShown() {
        fitPending = true;
        requestLayout();
    }

    /** The visible part of the world, in world coordinates. */
    public Rect visibleWorld() {
        double s = zoom.getX();
        return new Rect(-pan.getX() / s, -pan.getY() / s, Math.max(1, getWidth()) / s, Math.max(1, getHeight()) / s);
    }

    @Override
    protected void layoutChildren() {
        // A snapshot inside a layout pass would start another one: tiles wait for the pulse listener.
        inLayout = true;
        try {
            overlay.resizeRelocate(0, 0, getWidth(), getHeight());
            if (fitPending && getWidth() > 0 && getHeight() > 0) {
                fit();
            } else {
                viewChanged(false);
            }
        } finally {
            inLayout = false;
        }
    }

    // ---- projection -------------------------------------------------------------------------

    /** Nodes currently in the scene graph (for tests and the benchmark). */
    public int shownNodeCount() {
        return shown.size();
    }

    /** Tiles drawn since the canvas was made (for the benchmark). */
    public long tilesDrawn() {
        return tiles.drawn();
    }

    /** The node drawn for a key, if it is in the scene graph now. */
    public Optional<Node> nodeOf(CanvasKey key) {
        return shown.contains(key) ? Optional.ofNullable(nodes.get(key)) : Optional.empty();
    }

    private Optional<NodeView> node(CanvasKey key) {
        return key == null ? Optional.empty() : Optional.ofNullable(nodes.get(key)).filter(n -> shown.contains(key));
    }

    private static Layer layerOf(CanvasKey.Kind kind) {
        return switch (kind) {
            case INTERFACE -> Layer.CHIPS;
            case INSTANCE, NIC, GATEWAY -> Layer.BOXES;
            default -> Layer.REGIONS;
        };
    }

    /** A node's look changed: its tiles are drawn again. */
    private void changed(NodeView node) {
        if (node.item() != null) {
            tiles.invalidate(node.item().bounds(), GLOW);
        }
    }

    /**
     * A node was drawn for {@code before} and is now drawn for {@code after}: the tiles under what
     * changed are drawn again. A large box that keeps its corner and only grows or shrinks (a zone
     * whose platform took one more chip) changes only in its head, where its words are, and along
     * the edges that moved: redrawing all of it would redraw the whole view after most attaches.
     */
    private void changed(Item before, Item after) {
        Rect a = before.bounds();
        Rect b = after.bounds();
        boolean resized = a.x() == b.x() && a.y() == b.y() && lodShown == Lod.DETAIL && SOLID_BOXES.contains(after.key().kind());
        if (!resized) {
            tiles.invalidate(a, GLOW);
            tiles.invalidate(b, GLOW);
            return;
        }
        double w = Math.max(a.w(), b.w());
        double h = Math.max(a.h(), b.h());
        tiles.invalidate(new Rect(a.x(), a.y(), w, Math.min(h, HEAD)), GLOW);
        if (a.w() != b.w()) {
            double edge = Math.min(a.maxX(), b.maxX()) - CORNER;
            tiles.invalidate(new Rect(edge, a.y(), Math.abs(a.w() - b.w()) + 2 * CORNER, h), GLOW);
        }
        if (a.h() != b.h()) {
            double edge = Math.min(a.maxY(), b.maxY()) - CORNER;
            tiles.invalidate(new Rect(a.x(), edge, w, Math.abs(a.h() - b.h()) + 2 * CORNER), GLOW);
        }
    }

    /** Remove → insert → update: brings the nodes in line with a new layout. */
    private void reconcile(Layout layout) {
        if (disposed) {
            return;
        }
        Map<Layer, Set<Node>> gone = new EnumMap<>(Layer.class);
        for (Iterator<Map.Entry<CanvasKey, NodeView>> it = nodes.entrySet().iterator(); it.hasNext();) {
            Map.Entry<CanvasKey, NodeView> entry = it.next();
            if (layout.item(entry.getKey()).isEmpty()) {
                if (shown.remove(entry.getKey())) {
                    gone.computeIfAbsent(layerOf(entry.getKey().kind()), k -> new HashSet<>()).add(entry.getValue());
                    changed(entry.getValue());
                }
                it.remove();
            }
        }
        remove(gone);
        Lod lod = Lod.at(zoom.getX());
        for (CanvasKey key : shown) {
            Item item = layout.item(key).orElseThrow();
            NodeView node = nodes.get(key);
            Item before = node.item();
            if (node.update(item, lod, texts)) {
                if (before != null) {
                    changed(before, item);
                } else {
                    changed(node);
                }
            }
        }
        node(vm.selectedProperty().get()).ifPresent(n -> n.selected(true));
        // Tiles away from the nodes in the scene were not checked against the new layout.
        tiles.dropUndrawable();
        newLayout = true;
        viewChanged(true);
        newLayout = false;
        drawLinks();
        drawPaths();
        movePacket(vm.packetProperty().get());
        drawTiles(AHEAD_PER_STEP);
    }

    /**
     * After the view moved or zoomed (or the layout changed, {@code force}): keeps the nodes of the
     * tiles in view and one ring around them in the scene, and draws the tiles that are missing.
     */
    private void viewChanged(boolean force) {
        if (disposed) {
            return;
        }
        Lod lod = Lod.at(zoom.getX());
        boolean rezoomed = tiles.view(zoom.getX(), pan.getX(), pan.getY(), getWidth(), getHeight(), renderScale());
        TileCache.Range visible = tiles.visible();
        TileCache.Range around = visible.grow(RING);
        // At every step onto another tile, so that the ring ahead is drawn before it comes into view.
        // The nodes in view come in at once (the mouse and lookups need them); those of the ring come
        // tile by tile just before each tile is drawn, a few each frame rather than a wall of them.
        if (force || rezoomed || lod != lodShown || !around.equals(nodeTiles)) {
            Rect keep = visible.isEmpty() ? visibleWorld() : tiles.world(around);
            Rect now = force || visible.isEmpty() ? keep : tiles.world(visible);
            cull(keep, now, lod);
            tiles.keep(around, visible.grow(KEEP));
            nodeTiles = around;
        }
        drawTiles(AHEAD_PER_STEP);
    }

    private double renderScale() {
        Scene scene = getScene();
        return scene == null || scene.getWindow() == null ? 1 : Math.max(1, scene.getWindow().getRenderScaleX());
    }

    /** Draws the missing tiles in view and a few around them now, or at the next pulse during a layout pass. */
    private void drawTiles(int ahead) {
        if (disposed) {
            return;
        }
        if (inLayout || getScene() == null) {
            tilesPending = true;
            return;
        }
        if (tiles.draw(ahead) > 0) {
            tilesPending = true;
            Platform.requestNextPulse();
        }
    }

    /**
     * After each layout pass: tiles a layout asked for, then the ring around the view, as many as the
     * frame's time for them allows.
     */
    private void drawPendingTiles() {
        if (tilesPending && !disposed) {
            tilesPending = false;
            drawTiles(AHEAD_PER_PULSE);
        }
    }

    /**
     * The theme or the print size changed: the off-screen scene takes the window's style sheets and
     * root classes (where the colours and print sizes are set), and every tile is drawn again.
     */
    private void restyled() {
        Scene scene = getScene();
        if (scene != null && scene.getRoot() != null) {
            paintScene.getStylesheets().setAll(scene.getStylesheets());
            List<String> classes = new ArrayList<>(scene.getRoot().getStyleClass());
            if (!classes.contains("root")) {
                classes.add(0, "root");
            }
            paintRoot.getStyleClass().setAll(classes);
            paintRoot.setStyle(scene.getRoot().getStyle());
        }
        tiles.invalidateAll();
        tilesPending = true;
        Platform.requestNextPulse();
    }

    /** Takes out of the scene graph the nodes not over {@code keep}, and puts those over {@code area} in. */
    private void cull(Rect keep, Rect area, Lod lod) {
        Layout layout = vm.layout();
        Set<CanvasKey> wanted = new HashSet<>();
        for (CanvasKey key : layout.within(keep)) {
            if (lod.shows(key.kind())) {
                wanted.add(key);
            }
        }
        Map<Layer, Set<Node>> out = new EnumMap<>(Layer.class);
        for (Iterator<CanvasKey> it = shown.iterator(); it.hasNext();) {
            CanvasKey key = it.next();
            if (!wanted.contains(key)) {
                NodeView node = nodes.get(key);
                out.computeIfAbsent(layerOf(key.kind()), k -> new HashSet<>()).add(node);
                it.remove();
            }
        }
        remove(out);
        boolean lodChanged = lod != lodShown;
        lodShown = lod;
        bringIn(area);
        if (nodes.size() > NODE_CACHE) {
            // Nodes out of view are kept to come back quickly, up to a bound: drop the rest.
            nodes.keySet().removeIf(k -> !shown.contains(k));
        }
        if (lodChanged) {
            drawLinks();
        }
        CanvasKey sel = vm.selectedProperty().get();
        node(sel).ifPresent(n -> n.selected(true));
    }

    /**
     * Puts the nodes over {@code area} (world coordinates) into the scene graph, with the item and
     * level of detail they are to show; called too for each block of tiles just before it is drawn.
     */
    private void bringIn(Rect area) {
        Layout layout = vm.layout();
        Lod lod = lodShown;
        Map<Layer, List<Node>> in = new EnumMap<>(Layer.class);
        for (CanvasKey key : layout.within(area)) {
            if (!lod.shows(key.kind())) {
                continue;
            }
            NodeView node = nodes.computeIfAbsent(key, this::create);
            Item before = node.item();
            // A node coming back with the item it had changes no tile: tiles are drawn only where
            // every node is in the scene, so a kept tile already shows it as it was.
            if (node.update(layout.item(key).orElseThrow(), lod, texts) && before != null) {
                changed(before, node.item());
            }
            if (shown.add(key)) {
                in.computeIfAbsent(layerOf(key.kind()), k -> new ArrayList<>()).add(node);
                if (before == null && newLayout) {
                    changed(node);
                }
            }
        }
        in.forEach((layer, list) -> {
            layers.get(layer).getChildren().addAll(list);
            paintLayers.get(layer).getChildren().addAll(list.stream().map(n -> ((NodeView) n).painted()).toList());
        });
        if (!in.getOrDefault(Layer.REGIONS, List.of()).isEmpty()) {
            // Containers first: a zone under its platforms, a partition under its bands. (A parent's
            // children cannot be sorted in place: the list refuses the transient duplicates.)
            List<Node> sorted = new ArrayList<>(layers.get(Layer.REGIONS).getChildren());
            sorted.sort(java.util.Comparator.comparingInt(n -> ((NodeView) n).key().kind().ordinal()));
            layers.get(Layer.REGIONS).getChildren().setAll(sorted);
            paintLayers.get(Layer.REGIONS).getChildren().setAll(sorted.stream().map(n -> ((NodeView) n).painted()).toList());
        }
        CanvasKey sel = vm.selectedProperty().get();
        if (sel != null && !in.isEmpty()) {
            node(sel).ifPresent(n -> n.selected(true));
        }
    }

    /**
     * Before tiles over {@code area} are drawn: brings in the nodes over it and leaves visible, in the
     * off-screen scene, only the twins that can paint there. A snapshot renders every visible node
     * of its scene whatever its viewport, and most of the scene lies outside one block of tiles.
     */
    private void prepareTiles(Rect area) {
        bringIn(area);
        Rect reach = area.grow(GLOW / zoom.getX(), GLOW / zoom.getX());
        for (CanvasKey key : shown) {
            NodeView node = nodes.get(key);
            node.painted().setVisible(node.item() != null && node.item().bounds().intersects(reach));
        }
        lines.forEach((link, pair) -> pair[1].setVisible(link.bounds().intersects(reach)));
    }

    /** Takes nodes, and their twins, out of the scenes. */
    private void remove(Map<Layer, Set<Node>> gone) {
        gone.forEach((layer, set) -> {
            layers.get(layer).getChildren().removeAll(set);
            Set<Node> twins = new HashSet<>();
            set.forEach(n -> twins.add(((NodeView) n).painted()));
            paintLayers.get(layer).getChildren().removeAll(twins);
        });
    }

    private NodeView create(CanvasKey key) {
        NodeView node = new NodeView(key);
        node.addEventHandler(MouseEvent.MOUSE_PRESSED, e -> pressedOn(key, e));
        return node;
    }

    // ---- links, paths, packet ---------------------------------------------------------------

    /**
     * Brings the link lines in line with the layout, the level of detail and the selection: only
     * lines that appear, go or change focus are touched (and their tiles drawn again).
     */
    private void drawLinks() {
        if (disposed) {
            return;
        }
        Layout layout = vm.layout();
        boolean chipsShown = lodShown == Lod.DETAIL || lodShown == null;
        Set<CanvasKey> focus = new HashSet<>();
        CanvasKey sel = vm.selectedProperty().get();
        if (sel != null) {
            focus.add(sel);
            layout.items().values().stream().filter(i -> sel.equals(i.container())).forEach(i -> focus.add(i.key()));
        }
        Map<Link, Boolean> wanted = new HashMap<>();
        for (Link link : layout.links()) {
            boolean chipLink = link.type() == Link.Type.SUBNET || link.type() == Link.Type.NIC;
            if (chipLink && (!chipsShown || (!layout.drawsAllLinks() && !focus.contains(link.from())))) {
                continue;
            }
            wanted.put(link, focus.contains(link.from()) || focus.contains(link.to()));
        }
        List<Node> gone = new ArrayList<>();
        List<Node> goneTwins = new ArrayList<>();
        for (Iterator<Map.Entry<Link, Line[]>> it = lines.entrySet().iterator(); it.hasNext();) {
            Map.Entry<Link, Line[]> entry = it.next();
            Boolean focused = wanted.get(entry.getKey());
            if (focused == null || focused != entry.getValue()[0].getStyleClass().contains("focused")) {
                gone.add(entry.getValue()[0]);
                goneTwins.add(entry.getValue()[1]);
                tiles.invalidate(entry.getKey().bounds(), 4);
                it.remove();
            }
        }
        List<Node> added = new ArrayList<>();
        List<Node> addedTwins = new ArrayList<>();
        for (Link link : layout.links()) {
            Boolean focused = wanted.get(link);
            if (focused == null || lines.containsKey(link)) {
                continue;
            }
            Line[] pair = {line(link, focused), line(link, focused)};
            lines.put(link, pair);
            added.add(pair[0]);
            addedTwins.add(pair[1]);
            tiles.invalidate(link.bounds(), 4);
        }
        if (!gone.isEmpty()) {
            layers.get(Layer.LINKS).getChildren().removeAll(gone);
            paintLayers.get(Layer.LINKS).getChildren().removeAll(goneTwins);
        }
        layers.get(Layer.LINKS).getChildren().addAll(added);
        paintLayers.get(Layer.LINKS).getChildren().addAll(addedTwins);
    }

    private static Line line(Link link, boolean focused) {
        Line line = new Line(link.x1(), link.y1(), link.x2(), link.y2());
        line.getStyleClass().addAll("link", link.type().styleClass());
        if (focused) {
            line.getStyleClass().add("focused");
        }
        return line;
    }

    private void drawPaths() {
        if (disposed) {
            return;
        }
        Layout layout = vm.layout();
        List<Node> shapes = new ArrayList<>();
        for (FlowPath path : vm.paths()) {
            List<Point2D> points = new ArrayList<>();
            double offset = path.colour() < 0 ? 0 : (path.colour() % 4) * 4 - 6;
            for (CanvasKey key : path.keys()) {
                layout.item(key).ifPresent(item -> points.add(new Point2D(item.bounds().centerX() + offset,
                        item.bounds().centerY() + offset)));
            }
            if (points.size() < 2) {
                continue;
            }
            Polyline line = new Polyline();
            points.forEach(p -> line.getPoints().addAll(p.getX(), p.getY()));
            String colourClass = path.colour() < 0 ? "path-trace" : "path-" + (path.colour() % 6);
            line.getStyleClass().addAll("flow-path", colourClass);
            if (path.emphasised()) {
                line.getStyleClass().add("emphasised");
            }
            if (!path.successful()) {
                line.getStyleClass().add("failed");
            }
            shapes.add(line);
            for (int i = 1; i < points.size(); i++) {
                shapes.add(arrowHead(points.get(i - 1), points.get(i), colourClass, path.emphasised()));
            }
        }
        shapes.add(packet);
        layers.get(Layer.PATHS).getChildren().setAll(shapes);
    }

    private static Polygon arrowHead(Point2D from, Point2D to, String colourClass, boolean big) {
        double size = big ? 14 : 10;
        double angle = Math.atan2(to.getY() - from.getY(), to.getX() - from.getX());
        // Stop short of the node's centre so the head sits where the line enters it.
        double back = Math.min(28, from.distance(to) / 2);
        double tx = to.getX() - Math.cos(angle) * back;
        double ty = to.getY() - Math.sin(angle) * back;
        Polygon head = new Polygon(tx, ty,
                tx - size * Math.cos(angle - 0.4), ty - size * Math.sin(angle - 0.4),
                tx - size * Math.cos(angle + 0.4), ty - size * Math.sin(angle + 0.4));
        head.getStyleClass().addAll("flow-arrow", colourClass);
        return head;
    }

    private void movePacket(CanvasKey key) {
        if (disposed) {
            return;
        }
        Optional<Item> item = key == null ? Optional.empty() : vm.layout().item(key);
        if (item.isEmpty()) {
            packet.setVisible(false);
            return;
        }
        double x = item.get().bounds().centerX();
        double y = item.get().bounds().centerY();
        if (!packet.isVisible()) {
            packet.setTranslateX(x);
            packet.setTranslateY(y);
            packet.setVisible(true);
            return;
        }
        TranslateTransition move = new TranslateTransition(Duration.millis(280), packet);
        move.setToX(x);
        move.setToY(y);
        move.play();
    }

    // ---- gestures ---------------------------------------------------------------------------

    private void pressedOn(CanvasKey key, MouseEvent e) {
        if (e.getButton() == MouseButton.PRIMARY) {
            pressedKey = key;
        }
    }

    private void pressed(MouseEvent e) {
        if (e.getTarget() == this || e.getTarget() == world) {
            pressedKey = null;
        }
        if (!(e.getTarget() instanceof Node n) || !isInside(n)) {
            pressedKey = null;
        }
        pressX = e.getX();
        pressY = e.getY();
        lastX = e.getX();
        lastY = e.getY();
        dragging = false;
        panning = false;
        target = null;
        requestFocus();
        e.consume();
    }

    private boolean isInside(Node n) {
        for (Node p = n; p != null; p = p.getParent()) {
            if (p instanceof NodeView) {
                return true;
            }
            if (p == this) {
                return false;
            }
        }
        return false;
    }

    private void dragged(MouseEvent e) {
        double moved = Math.hypot(e.getX() - pressX, e.getY() - pressY);
        if (!dragging && !panning && moved >= DRAG_THRESHOLD) {
            if (e.getButton() == MouseButton.PRIMARY && vm.canDrag(pressedKey)) {
                startDrag();
            } else {
                panning = true;
            }
        }
        if (panning) {
            panBy(e.getX() - lastX, e.getY() - lastY);
        } else if (dragging) {
            dragOver(e.getX(), e.getY());
        }
        lastX = e.getX();
        lastY = e.getY();
        e.consume();
    }

    private void startDrag() {
        dragging = true;
        Item item = vm.layout().item(pressedKey).orElse(null);
        ghost.setText(item == null ? pressedKey.id() : pressedKey.objectId());
        ghost.getStyleClass().removeAll("ghost-iface", "ghost-instance");
        ghost.getStyleClass().add("ghost-" + pressedKey.kind().prefix());
        ghost.setVisible(true);
        node(pressedKey).ifPresent(n -> {
            n.dragged(true);
            changed(n);
        });
        drawTiles(0);
    }

    private void dragOver(double x, double y) {
        ghost.relocate(x + 12, y + 10);
        ghost.autosize();
        Point2D at = world.parentToLocal(x, y);
        Optional<Item> hit = vm.layout().hit(at.getX(), at.getY(), vm.targetKinds(pressedKey));
        CanvasKey now = hit.map(Item::key).orElse(null);
        if (!java.util.Objects.equals(now, target)) {
            node(target).ifPresent(n -> {
                n.dropFeedback(null);
                changed(n);
            });
            target = now;
            Optional<DropAnswer> answer = now == null ? Optional.empty() : vm.evaluate(pressedKey, now);
            if (answer.isPresent()) {
                node(now).ifPresent(n -> {
                    n.dropFeedback(answer.get().accepted());
                    changed(n);
                });
                feedback.setText((answer.get().accepted() ? "✔ " : "✖ ") + answer.get().feedback());
                feedback.getStyleClass().removeAll("ok", "bad");
                feedback.getStyleClass().add(answer.get().accepted() ? "ok" : "bad");
                feedback.setVisible(true);
            } else {
                feedback.setVisible(false);
            }
            drawTiles(0);
        }
        if (feedback.isVisible()) {
            feedback.autosize();
            double fx = Math.min(x + 14, Math.max(0, getWidth() - feedback.getWidth() - 6));
            feedback.relocate(fx, y + 34);
        }
    }

    private void released(MouseEvent e) {
        if (dragging) {
            CanvasKey source = pressedKey;
            CanvasKey dropOn = target;
            endGesture();
            if (dropOn != null) {
                vm.drop(source, dropOn);
            }
        } else if (!panning && e.getButton() == MouseButton.PRIMARY) {
            click(pressedKey);
        }
        endGesture();
        e.consume();
    }

    private void click(CanvasKey key) {
        if (key != null && key.kind() == CanvasKey.Kind.NIC) {
            vm.toggleNic(key);
        }
        vm.selectedProperty().set(key);
    }

    private void endGesture() {
        node(target).ifPresent(n -> {
            n.dropFeedback(null);
            changed(n);
        });
        node(pressedKey).ifPresent(n -> {
            n.dragged(false);
            changed(n);
        });
        drawTiles(0);
        ghost.setVisible(false);
        feedback.setVisible(false);
        vm.endDrag();
        dragging = false;
        panning = false;
        target = null;
    }

    private void scrolled(ScrollEvent e) {
        if (e.getDeltaY() == 0) {
            return;
        }
        double factor = e.getDeltaY() > 0 ? 1.15 : 1 / 1.15;
        zoomBy(factor, e.getX(), e.getY());
        e.consume();
    }

    /** The node of an accepted kind under a point in scene coordinates (a palette drop), if any. */
    public Optional<CanvasKey> keyAt(double sceneX, double sceneY, java.util.function.Predicate<CanvasKey.Kind> kinds) {
        Point2D local = sceneToLocal(sceneX, sceneY);
        if (local == null || local.getX() < 0 || local.getY() < 0 || local.getX() > getWidth() || local.getY() > getHeight()) {
            return Optional.empty();
        }
        Point2D at = world.parentToLocal(local);
        return vm.layout().hit(at.getX(), at.getY(), kinds).map(Item::key);
    }

    /** Whether a point in scene coordinates lies on the canvas. */
    public boolean containsScene(double sceneX, double sceneY) {
        Point2D local = sceneToLocal(sceneX, sceneY);
        return local != null && local.getX() >= 0 && local.getY() >= 0 && local.getX() <= getWidth()
                && local.getY() <= getHeight();
    }

    /** Stops listening to the view model (the window is being rebuilt). */
    public void dispose() {
        disposed = true;
        Scene scene = getScene();
        if (scene != null) {
            unhook(scene);
        }
    }

    private void unhook(Scene scene) {
        scene.removePostLayoutPulseListener(pulse);
        scene.getStylesheets().removeListener(restyled);
        scene.rootProperty().removeListener(rerooted);
        if (scene.getRoot() != null) {
            scene.getRoot().getStyleClass().removeListener(restyled);
        }
    }

    /** A picture of what the canvas shows now. */
    public WritableImage snapshotView() {
        return snapshot(null, null);
    }

    /**
     * A picture of the canvas with its nodes drawn now, in one piece, instead of through the tiles
     * drawn at other times: what the tiles must show (tests compare the two).
     */
    public WritableImage snapshotNodesDirectly() {
        tiles.showWhole(true);
        try {
            return snapshot(null, null);
        } finally {
            tiles.showWhole(false);
        }
    }
}
