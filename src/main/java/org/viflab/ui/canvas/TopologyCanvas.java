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
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.collections.ListChangeListener;
import javafx.geometry.Point2D;
import javafx.scene.Group;
import javafx.scene.Node;
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
 * ({@code Map<CanvasKey, NodeView>}), creates a node when it first comes into view, updates it
 * when its item changes and drops it when its object goes away. Only nodes near the viewport are
 * in the scene graph (culling), and the level of detail drops as the user zooms out.
 *
 * <p>Gestures are press–drag–release mouse gestures (no platform drag and drop): dragging a chip or
 * an instance shows a ghost, hit-tests the layout under the pointer, and marks the target green or
 * red from the view model's dry run; releasing drops. Dragging anything else pans; the wheel zooms.
 */
public final class TopologyCanvas extends Region {

    static final double MIN_SCALE = 0.02;
    static final double MAX_SCALE = 3;
    private static final double DRAG_THRESHOLD = 5;
    /** How far beyond the view (as a share of its size, each side) nodes are kept in the scene. */
    private static final double CULL_MARGIN = Double.parseDouble(System.getProperty("viflab.canvas.margin", "0.5"));
    /** How many node views to keep, shown or not, before forgetting those out of view. */
    private static final int NODE_CACHE = 5000;

    private final CanvasViewModel vm;
    private final Texts texts;
    private final Translate pan = new Translate();
    private final Scale zoom = new Scale(1, 1, 0, 0);
    private final Group world = new Group();
    private final Map<Layer, Group> layers = new EnumMap<>(Layer.class);
    private final Pane overlay = new Pane();
    private final Label ghost = new Label();
    private final Label feedback = new Label();
    private final Circle packet = new Circle(9);
    private final Map<CanvasKey, NodeView> nodes = new HashMap<>();
    private final Set<CanvasKey> shown = new HashSet<>();
    private final ReadOnlyDoubleWrapper scale = new ReadOnlyDoubleWrapper(this, "scale", 1);
    private Rect covered;
    private Lod lodShown;
    private boolean fitPending = true;
    private boolean disposed;
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
            world.getChildren().add(g);
        }
        layers.get(Layer.LINKS).setMouseTransparent(true);
        layers.get(Layer.PATHS).setMouseTransparent(true);
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
        getChildren().addAll(world, overlay);
        Rectangle clip = new Rectangle();
        clip.widthProperty().bind(widthProperty());
        clip.heightProperty().bind(heightProperty());
        setClip(clip);

        vm.layoutProperty().addListener((obs, old, now) -> reconcile(now));
        vm.selectedProperty().addListener((obs, old, now) -> {
            node(old).ifPresent(n -> n.selected(false));
            node(now).ifPresent(n -> n.selected(true));
            drawLinks();
        });
        vm.paths().addListener((ListChangeListener<FlowPath>) c -> drawPaths());
        vm.packetProperty().addListener((obs, old, now) -> movePacket(now));
        pan.xProperty().addListener((obs, old, now) -> cull(false));
        pan.yProperty().addListener((obs, old, now) -> cull(false));
        zoom.xProperty().addListener((obs, old, now) -> {
            scale.set(now.doubleValue());
            cull(false);
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
        return pan.getX();
    }

    public double panY() {
        return pan.getY();
    }

    /** Moves the view by a distance in screen pixels. */
    public void panBy(double dx, double dy) {
        pan.setX(pan.getX() + dx);
        pan.setY(pan.getY() + dy);
    }

    /** Zooms by {@code factor} keeping the point under ({@code px}, {@code py}) (canvas coordinates) still. */
    public void zoomBy(double factor, double px, double py) {
        double s = zoom.getX();
        double next = Math.max(MIN_SCALE, Math.min(MAX_SCALE, s * factor));
        double ratio = next / s;
        pan.setX(px - (px - pan.getX()) * ratio);
        pan.setY(py - (py - pan.getY()) * ratio);
        zoom.setX(next);
        zoom.setY(next);
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
        pan.setX(Math.max(0, (getWidth() - w.w() * s) / 2));
        pan.setY(Math.max(0, (getHeight() - w.h() * s) / 2));
        cull(true);
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
        overlay.resizeRelocate(0, 0, getWidth(), getHeight());
        if (fitPending && getWidth() > 0 && getHeight() > 0) {
            fit();
        } else {
            cull(false);
        }
    }

    // ---- projection -------------------------------------------------------------------------

    /** Nodes currently in the scene graph (for tests and the benchmark). */
    public int shownNodeCount() {
        return shown.size();
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
                }
                it.remove();
            }
        }
        gone.forEach((layer, set) -> layers.get(layer).getChildren().removeAll(set));
        Lod lod = Lod.at(zoom.getX());
        for (CanvasKey key : shown) {
            layout.item(key).ifPresent(item -> nodes.get(key).update(item, lod, texts));
        }
        node(vm.selectedProperty().get()).ifPresent(n -> n.selected(true));
        cull(true);
        drawLinks();
        drawPaths();
        movePacket(vm.packetProperty().get());
    }

    /** Puts the nodes near the viewport into the scene graph and takes the others out. */
    private void cull(boolean force) {
        Rect view = visibleWorld();
        Lod lod = Lod.at(zoom.getX());
        if (!force && covered != null && covered.contains(view) && lod == lodShown) {
            return;
        }
        Layout layout = vm.layout();
        Rect area = view.grow(view.w() * CULL_MARGIN, view.h() * CULL_MARGIN);
        Set<CanvasKey> wanted = new HashSet<>();
        for (CanvasKey key : layout.within(area)) {
            if (lod.shows(key.kind())) {
                wanted.add(key);
            }
        }
        Map<Layer, Set<Node>> out = new EnumMap<>(Layer.class);
        for (Iterator<CanvasKey> it = shown.iterator(); it.hasNext();) {
            CanvasKey key = it.next();
            if (!wanted.contains(key)) {
                out.computeIfAbsent(layerOf(key.kind()), k -> new HashSet<>()).add(nodes.get(key));
                it.remove();
            }
        }
        out.forEach((layer, set) -> layers.get(layer).getChildren().removeAll(set));
        Map<Layer, List<Node>> in = new EnumMap<>(Layer.class);
        for (CanvasKey key : wanted) {
            NodeView node = nodes.computeIfAbsent(key, this::create);
            node.update(layout.item(key).orElseThrow(), lod, texts);
            if (shown.add(key)) {
                in.computeIfAbsent(layerOf(key.kind()), k -> new ArrayList<>()).add(node);
            }
        }
        in.forEach((layer, list) -> layers.get(layer).getChildren().addAll(list));
        if (!in.getOrDefault(Layer.REGIONS, List.of()).isEmpty()) {
            // Containers first: a zone under its platforms, a partition under its bands. (A parent's
            // children cannot be sorted in place: the list refuses the transient duplicates.)
            List<Node> sorted = new ArrayList<>(layers.get(Layer.REGIONS).getChildren());
            sorted.sort(java.util.Comparator.comparingInt(n -> ((NodeView) n).key().kind().ordinal()));
            layers.get(Layer.REGIONS).getChildren().setAll(sorted);
        }
        if (nodes.size() > NODE_CACHE) {
            // Nodes out of view are kept to come back quickly, up to a bound: drop the rest.
            nodes.keySet().removeIf(k -> !shown.contains(k));
        }
        boolean lodChanged = lod != lodShown;
        covered = area;
        lodShown = lod;
        if (lodChanged) {
            drawLinks();
        }
        CanvasKey sel = vm.selectedProperty().get();
        node(sel).ifPresent(n -> n.selected(true));
    }

    private NodeView create(CanvasKey key) {
        NodeView node = new NodeView(key);
        node.addEventHandler(MouseEvent.MOUSE_PRESSED, e -> pressedOn(key, e));
        return node;
    }

    // ---- links, paths, packet ---------------------------------------------------------------

    private void drawLinks() {
        if (disposed) {
            return;
        }
        Layout layout = vm.layout();
        List<Node> lines = new ArrayList<>();
        boolean chipsShown = lodShown == Lod.DETAIL || lodShown == null;
        Set<CanvasKey> focus = new HashSet<>();
        CanvasKey sel = vm.selectedProperty().get();
        if (sel != null) {
            focus.add(sel);
            layout.items().values().stream().filter(i -> sel.equals(i.container())).forEach(i -> focus.add(i.key()));
        }
        for (Link link : layout.links()) {
            boolean chipLink = link.type() == Link.Type.SUBNET || link.type() == Link.Type.NIC;
            if (chipLink && (!chipsShown || (!layout.drawsAllLinks() && !focus.contains(link.from())))) {
                continue;
            }
            Line line = new Line(link.x1(), link.y1(), link.x2(), link.y2());
            line.getStyleClass().addAll("link", link.type().styleClass());
            if (focus.contains(link.from()) || focus.contains(link.to())) {
                line.getStyleClass().add("focused");
            }
            lines.add(line);
        }
        layers.get(Layer.LINKS).getChildren().setAll(lines);
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
        node(pressedKey).ifPresent(n -> n.getStyleClass().add("dragged"));
    }

    private void dragOver(double x, double y) {
        ghost.relocate(x + 12, y + 10);
        ghost.autosize();
        Point2D at = world.parentToLocal(x, y);
        Optional<Item> hit = vm.layout().hit(at.getX(), at.getY(), vm.targetKinds(pressedKey));
        CanvasKey now = hit.map(Item::key).orElse(null);
        if (!java.util.Objects.equals(now, target)) {
            node(target).ifPresent(n -> n.dropFeedback(null));
            target = now;
            Optional<DropAnswer> answer = now == null ? Optional.empty() : vm.evaluate(pressedKey, now);
            if (answer.isPresent()) {
                node(now).ifPresent(n -> n.dropFeedback(answer.get().accepted()));
                feedback.setText((answer.get().accepted() ? "✔ " : "✖ ") + answer.get().feedback());
                feedback.getStyleClass().removeAll("ok", "bad");
                feedback.getStyleClass().add(answer.get().accepted() ? "ok" : "bad");
                feedback.setVisible(true);
            } else {
                feedback.setVisible(false);
            }
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
        node(target).ifPresent(n -> n.dropFeedback(null));
        node(pressedKey).ifPresent(n -> n.getStyleClass().remove("dragged"));
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
    }

    /** A picture of what the canvas shows now. */
    public WritableImage snapshotView() {
        return snapshot(null, null);
    }
}
