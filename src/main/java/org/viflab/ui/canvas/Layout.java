package org.viflab.ui.canvas;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Where every node of the canvas goes for one topology snapshot: items by key, links, the size of
 * the drawing, and the order of each container's members (kept by the next layout so that nothing
 * already on the canvas changes place when something is added).
 */
public final class Layout {

    /** Above this many attached chips, chip links are drawn only for the selection. */
    public static final int ALL_LINKS_LIMIT = 300;

    private final Map<CanvasKey, Item> items;
    private final List<Link> links;
    /** Made on first use (on the FX thread): drawing and dropping do not need it. */
    private Map<CanvasKey, List<Link>> linksByKey;
    private final Map<String, List<CanvasKey>> chipsByInterface;
    private final Map<String, List<String>> orders;
    private final Rect world;
    private final int attachedChips;
    private final SpatialIndex index;

    Layout(LinkedHashMap<CanvasKey, Item> items, List<Link> links, Map<String, List<CanvasKey>> chipsByInterface,
           Map<String, List<String>> orders, Rect world, int attachedChips) {
        this.items = Collections.unmodifiableMap(items);
        this.links = List.copyOf(links);
        this.chipsByInterface = chipsByInterface;
        this.orders = orders;
        this.world = world;
        this.attachedChips = attachedChips;
        index = new SpatialIndex(items.size());
        for (Item item : items.values()) {
            index.put(item.key(), item.bounds());
        }
    }

    /** A layout of nothing. */
    public static Layout empty() {
        return new Layout(new LinkedHashMap<>(), List.of(), Map.of(), Map.of(), new Rect(0, 0, 400, 300), 0);
    }

    /** Every item, drawing order (containers before their members). */
    public Map<CanvasKey, Item> items() {
        return items;
    }

    public Optional<Item> item(CanvasKey key) {
        return Optional.ofNullable(items.get(key));
    }

    public List<Link> links() {
        return links;
    }

    /** Links that start or end at {@code key}. */
    public List<Link> linksOf(CanvasKey key) {
        if (linksByKey == null) {
            Map<CanvasKey, List<Link>> byKey = new HashMap<>();
            for (Link link : links) {
                byKey.computeIfAbsent(link.from(), k -> new ArrayList<>()).add(link);
                byKey.computeIfAbsent(link.to(), k -> new ArrayList<>()).add(link);
            }
            linksByKey = byKey;
        }
        return linksByKey.getOrDefault(key, List.of());
    }

    /** Whether every chip link is drawn (a small lab) or only those of the selection. */
    public boolean drawsAllLinks() {
        return attachedChips <= ALL_LINKS_LIMIT;
    }

    /** The bounds of the whole drawing. */
    public Rect world() {
        return world;
    }

    Map<String, List<String>> orders() {
        return orders;
    }

    /** Keys of the items that intersect {@code area}, each once. */
    public List<CanvasKey> within(Rect area) {
        return index.query(area);
    }

    /** The chips of an interface record (one per attachment, or the free one). */
    public List<CanvasKey> chipsOf(String interfaceId) {
        return chipsByInterface.getOrDefault(interfaceId, List.of());
    }

    /** The chip of a record on a given instance, else its first chip. */
    public Optional<CanvasKey> chipOf(String interfaceId, String instanceId) {
        List<CanvasKey> chips = chipsOf(interfaceId);
        if (instanceId != null) {
            for (CanvasKey chip : chips) {
                Item item = items.get(chip);
                if (item != null && item.model() instanceof Item.Chip c && c.attachment().isPresent()
                        && c.attachment().get().instance().value().equals(instanceId)) {
                    return Optional.of(chip);
                }
            }
        }
        return chips.isEmpty() ? Optional.empty() : Optional.of(chips.get(0));
    }

    /**
     * The item of one of the accepted kinds that lies at a point, the innermost (the kind drawn last)
     * when several do.
     */
    public Optional<Item> hit(double x, double y, Predicate<CanvasKey.Kind> accepted) {
        Item best = null;
        for (CanvasKey key : index.query(new Rect(x, y, 0, 0))) {
            Item item = items.get(key);
            if (!accepted.test(key.kind()) || !item.bounds().contains(x, y)) {
                continue;
            }
            if (best == null || key.kind().ordinal() > best.key().kind().ordinal()) {
                best = item;
            }
        }
        return Optional.ofNullable(best);
    }
}
