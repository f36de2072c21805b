package org.viflab.ui.canvas;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.viflab.coordinator.FieldView;
import org.viflab.model.Attachment;
import org.viflab.model.InstanceId;
import org.viflab.model.InstanceState;
import org.viflab.model.InterfaceId;
import org.viflab.model.InterfaceRecord;
import org.viflab.model.Partition;
import org.viflab.model.PhysicalNic;
import org.viflab.model.PlatformId;
import org.viflab.model.ResourceInstance;
import org.viflab.model.ServicePlatform;
import org.viflab.model.Subnet;
import org.viflab.model.Topology;

/**
 * Lays a topology out on the canvas: the internet and on-premises networks along the top,
 * partitions below them with their subnets as bands (free interface chips inside), then the zones
 * with their platforms (NICs along the top, instances inside, attached chips on the instances), and
 * the "not placed" tray last.
 *
 * <p>The layout is a pure function of the topology and the previous layout: each container keeps
 * its members in the order it had them and appends newcomers, so adding an object never reorders
 * what is already drawn. It holds no JavaFX objects, so it is tested and benchmarked on its own.
 */
public final class TopologyLayout {

    static final double MARGIN = 20;
    static final double GAP = 40;
    public static final double CHIP_W = 168;
    public static final double CHIP_H = 34;
    static final double CHIP_GAP = 6;
    static final double INST_W = CHIP_W + 16;
    static final double INST_HEAD = 26;
    static final double NIC_W = 104;
    static final double NIC_H = 22;
    static final double BAND_HEAD = 26;
    static final double BAND_PAD = 10;
    static final double PART_HEAD = 32;
    static final double PART_PAD = 14;
    static final double ZONE_HEAD = 32;
    static final double ZONE_PAD = 14;
    static final double PLAT_HEAD = 26;
    static final double PLAT_PAD = 10;
    static final double EDGE_W = 150;
    static final double EDGE_H = 56;
    static final double GATE_W = 48;
    static final double GATE_H = 22;

    private final Topology topology;
    private final FieldView fields;
    private final Map<String, List<String>> previousOrders;
    private final Map<String, List<String>> orders = new HashMap<>();
    // Sized for the whole lab up front: growing maps of 10,000 keys re-hash them again and again.
    private final LinkedHashMap<CanvasKey, Item> items;
    private final List<Link> links;
    private final Map<String, List<CanvasKey>> chipsByInterface;
    private final List<Item> chips;
    private int attachedChips;
    // Looked up once per layout by hashing rather than thousands of times in the topology's sorted
    // maps (a layout of 10,000 records spent a third of its time comparing ids).
    private final Map<InterfaceId, InterfaceRecord> records;
    private final Map<InstanceId, List<Attachment>> attachmentsByInstance;
    private final Map<InterfaceId, String> firstAttachment;
    private final Map<PlatformId, List<ResourceInstance>> instancesByPlatform = new HashMap<>();
    private final Map<PlatformId, ServicePlatform> platformsById = new HashMap<>();

    private TopologyLayout(Topology topology, FieldView fields, Layout previous) {
        this.topology = topology;
        this.fields = fields;
        this.previousOrders = previous == null ? Map.of() : previous.orders();
        int records = topology.interfaces().size();
        int attachments = topology.attachments().size();
        int nodes = records + attachments + 2 * topology.instances().size() + 4 * topology.platforms().size()
                + 2 * topology.subnets().size() + 3 * topology.partitions().size() + 16;
        items = new LinkedHashMap<>(2 * nodes);
        links = new ArrayList<>(2 * attachments + topology.partitions().size());
        chipsByInterface = new HashMap<>(2 * records);
        chips = new ArrayList<>(records + attachments);
        this.records = new HashMap<>(2 * records);
        attachmentsByInstance = new HashMap<>(2 * topology.instances().size());
        firstAttachment = new HashMap<>(2 * attachments);
        for (InterfaceRecord record : topology.interfaces().values()) {
            this.records.put(record.id(), record);
        }
        for (Attachment attachment : topology.attachments().values()) {
            attachmentsByInstance.computeIfAbsent(attachment.instance(), k -> new ArrayList<>(4)).add(attachment);
            firstAttachment.merge(attachment.iface(), attachment.id().value(), (a, b) -> a.compareTo(b) <= 0 ? a : b);
        }
        // by device index, as Topology.attachmentsOn gives them
        attachmentsByInstance.values().forEach(list -> list.sort(Comparator.comparingInt(Attachment::deviceIndex)));
    }

    /** Lays out {@code topology}, keeping the member order of {@code previous} (may be {@code null}). */
    public static Layout compute(Topology topology, FieldView fields, Layout previous) {
        return new TopologyLayout(topology, fields, previous).run();
    }

    private Layout run() {
        double top = MARGIN;
        boolean edges = topology.partitions().values().stream().anyMatch(p -> p.internetGateway() || p.hasVpn());
        double partitionsTop = edges ? top + EDGE_H + GAP : top;
        double partitionsBottom = partitions(partitionsTop);
        double zonesTop = topology.partitions().isEmpty() ? partitionsTop : partitionsBottom + GAP + 10;
        Rect zonesRow = zones(zonesTop);
        addChips();
        Rect world = new Rect(0, 0, 400, 300);
        for (Item item : items.values()) {
            world = world.union(item.bounds());
        }
        world = world.union(zonesRow);
        world = new Rect(0, 0, world.maxX() + MARGIN, world.maxY() + MARGIN);
        return new Layout(items, links, chipsByInterface, orders, world, attachedChips);
    }

    // ---- stable order -----------------------------------------------------------------------

    /** {@code ids} in the order the previous layout had them, newcomers (in id order) at the end. */
    private List<String> order(String container, Collection<String> ids) {
        Set<String> present = new LinkedHashSet<>(ids);
        List<String> ordered = new ArrayList<>(present.size());
        for (String id : previousOrders.getOrDefault(container, List.of())) {
            if (present.remove(id)) {
                ordered.add(id);
            }
        }
        ordered.addAll(present);
        orders.put(container, ordered);
        return ordered;
    }

    private void put(Item item) {
        items.put(item.key(), item);
    }

    // ---- partitions and subnets ---------------------------------------------------------------

    private static int columnsFor(int chipCount) {
        if (chipCount <= 12) {
            return 3;
        }
        return (int) Math.max(3, Math.min(16, Math.ceil(Math.sqrt(chipCount / 2.0))));
    }

    private static double bandHeight(int chipCount, int cols) {
        int rows = Math.max(1, (chipCount + cols - 1) / cols);
        return BAND_HEAD + rows * (CHIP_H + CHIP_GAP) - CHIP_GAP + BAND_PAD;
    }

    private double partitions(double top) {
        Map<String, List<Subnet>> subnetsByPartition = new TreeMap<>();
        for (Subnet s : topology.subnets().values()) {
            subnetsByPartition.computeIfAbsent(s.partition().value(), k -> new ArrayList<>()).add(s);
        }
        Map<String, List<InterfaceRecord>> freeBySubnet = new HashMap<>();
        for (InterfaceRecord r : topology.interfaces().values()) {
            if (!firstAttachment.containsKey(r.id())) {
                freeBySubnet.computeIfAbsent(r.subnet().value(), k -> new ArrayList<>()).add(r);
            }
        }
        double x = MARGIN;
        double bottom = top;
        List<Item> withInternet = new ArrayList<>();
        for (String pid : order("partitions", topology.partitions().keySet().stream().map(Object::toString).toList())) {
            Partition partition = topology.partitions().get(org.viflab.model.PartitionId.partitionId(pid));
            List<Subnet> subnets = subnetsByPartition.getOrDefault(pid, List.of());
            Map<String, Subnet> subnetById = new HashMap<>();
            subnets.forEach(s -> subnetById.put(s.id().value(), s));
            List<String> subnetOrder = order("partition:" + pid, subnetById.keySet().stream().sorted().toList());
            int cols = 3;
            for (Subnet s : subnets) {
                cols = Math.max(cols, columnsFor(freeBySubnet.getOrDefault(s.id().value(), List.of()).size()));
            }
            double bandW = 2 * BAND_PAD + cols * (CHIP_W + CHIP_GAP) - CHIP_GAP;
            // Bands flow into columns when stacking them would make the partition much taller than wide.
            double total = 0;
            for (String sid : subnetOrder) {
                total += bandHeight(freeBySubnet.getOrDefault(sid, List.of()).size(), cols) + 10;
            }
            int bandColumns = (int) Math.max(1, Math.min(6, Math.round(Math.sqrt(total / bandW))));
            double columnHeight = total / bandColumns;
            double y = top + PART_HEAD;
            double bottomOfBands = y;
            int column = 0;
            for (String sid : subnetOrder) {
                Subnet subnet = subnetById.get(sid);
                List<InterfaceRecord> free = freeBySubnet.getOrDefault(sid, List.of());
                double bandH = bandHeight(free.size(), cols);
                if (column < bandColumns - 1 && y > top + PART_HEAD && y - (top + PART_HEAD) + bandH / 2 > columnHeight) {
                    column++;
                    y = top + PART_HEAD;
                }
                Rect band = new Rect(x + PART_PAD + column * (bandW + 12), y, bandW, bandH);
                CanvasKey bandKey = CanvasKey.of(CanvasKey.Kind.SUBNET, sid);
                put(new Item(bandKey, band, CanvasKey.of(CanvasKey.Kind.PARTITION, pid), subnet, "",
                        topology.availableAddresses(subnet.id()), free.size()));
                Map<String, InterfaceRecord> freeById = new HashMap<>();
                free.forEach(r -> freeById.put(r.id().value(), r));
                List<String> chipOrder = order("subnet:" + sid, freeById.keySet().stream().sorted().toList());
                for (int i = 0; i < chipOrder.size(); i++) {
                    InterfaceRecord record = freeById.get(chipOrder.get(i));
                    Rect at = new Rect(band.x() + BAND_PAD + (i % cols) * (CHIP_W + CHIP_GAP),
                            band.y() + BAND_HEAD + (i / cols) * (CHIP_H + CHIP_GAP), CHIP_W, CHIP_H);
                    chip(record, Optional.empty(), at, bandKey, null, null);
                }
                y += bandH + 10;
                bottomOfBands = Math.max(bottomOfBands, y);
            }
            double width = bandColumns * (bandW + 12) - 12 + 2 * PART_PAD;
            double height = Math.max(90, bottomOfBands - top + PART_PAD - 10);
            Rect region = new Rect(x, top, width, height);
            Item item = new Item(CanvasKey.of(CanvasKey.Kind.PARTITION, pid), region, null, partition,
                    partition.internetGateway() ? "igw" : "", subnets.size(), subnets.size());
            items.put(item.key(), item);
            if (partition.internetGateway()) {
                withInternet.add(item);
            }
            if (partition.hasVpn()) {
                Rect onPrem = new Rect(region.maxX() - EDGE_W - PART_PAD, top - GAP - EDGE_H, EDGE_W, EDGE_H);
                CanvasKey key = CanvasKey.of(CanvasKey.Kind.ON_PREMISES, pid);
                put(new Item(key, onPrem, null, partition, "", 0, 0));
                CanvasKey gateway = gateway("vgw:" + pid, partition, onPrem.centerX(), region.y(), item.key());
                links.add(new Link(gateway, key, Link.Type.VPN, onPrem.centerX(), region.y() - GATE_H + 3,
                        onPrem.centerX(), onPrem.maxY()));
            }
            bottom = Math.max(bottom, region.maxY());
            x += width + GAP;
        }
        if (!withInternet.isEmpty()) {
            double from = withInternet.get(0).bounds().x();
            Item first = withInternet.get(0);
            Item last = withInternet.get(withInternet.size() - 1);
            double center = withInternet.size() == 1 ? first.bounds().x() + PART_PAD + EDGE_W / 2
                    : (from + last.bounds().maxX()) / 2;
            Rect internet = new Rect(center - EDGE_W / 2, top - GAP - EDGE_H, EDGE_W, EDGE_H);
            CanvasKey key = CanvasKey.of(CanvasKey.Kind.INTERNET, "internet");
            put(new Item(key, internet, null, null, "", 0, 0));
            for (Item p : withInternet) {
                double px = Math.max(p.bounds().x() + 40, Math.min(p.bounds().maxX() - 40, internet.centerX()));
                CanvasKey gateway = gateway("igw:" + p.key().id(), p.model(), px, p.bounds().y(), p.key());
                links.add(new Link(gateway, key, Link.Type.INTERNET, px, p.bounds().y() - GATE_H + 3, internet.centerX(),
                        internet.maxY()));
            }
        }
        return bottom;
    }

    /** A gateway badge sitting on a partition's top border, where its link leaves. */
    private CanvasKey gateway(String id, Object partition, double x, double y, CanvasKey container) {
        CanvasKey key = CanvasKey.of(CanvasKey.Kind.GATEWAY, id);
        put(new Item(key, new Rect(x - GATE_W / 2, y - GATE_H + 3, GATE_W, GATE_H), container, partition,
                id.startsWith("igw:") ? "igw" : "vgw", 0, 0));
        return key;
    }

    // ---- zones, platforms, instances ---------------------------------------------------------

    private Rect zones(double top) {
        Map<String, List<ServicePlatform>> byZone = new TreeMap<>();
        for (ServicePlatform p : topology.platforms().values()) {
            byZone.computeIfAbsent(p.zone(), k -> new ArrayList<>()).add(p);
        }
        double x = MARGIN;
        double bottom = top;
        for (String zone : order("zones", byZone.keySet())) {
            Map<String, ServicePlatform> byId = new HashMap<>();
            byZone.get(zone).forEach(p -> byId.put(p.id().value(), p));
            List<String> platformOrder = order("zone:" + zone, byId.keySet().stream().sorted().toList());
            List<double[]> sizes = new ArrayList<>();
            for (String pid : platformOrder) {
                sizes.add(platformSize(byId.get(pid)));
            }
            int n = platformOrder.size();
            double cellW = 0;
            double cellH = 0;
            for (double[] s : sizes) {
                cellW = Math.max(cellW, s[0]);
                cellH = Math.max(cellH, s[1]);
            }
            // A roughly square zone: more columns when platforms are taller than wide.
            int cols = (int) Math.max(1, Math.min(16, Math.ceil(Math.sqrt(n * (cellH + 16) / (cellW + 16)))));
            cols = Math.min(cols, Math.max(1, n));
            int rows = (n + cols - 1) / cols;
            double[] rowH = new double[rows];
            for (int i = 0; i < n; i++) {
                rowH[i / cols] = Math.max(rowH[i / cols], sizes.get(i)[1]);
            }
            double y = top + ZONE_HEAD;
            double[] rowY = new double[rows];
            for (int r = 0; r < rows; r++) {
                rowY[r] = y;
                y += rowH[r] + 16;
            }
            double width = 2 * ZONE_PAD + cols * cellW + (cols - 1) * 16;
            double height = Math.max(80, y - top - 16 + ZONE_PAD);
            CanvasKey zoneKey = CanvasKey.of(CanvasKey.Kind.ZONE, zone);
            put(new Item(zoneKey, new Rect(x, top, width, height), null, zone, "", n, n));
            for (int i = 0; i < n; i++) {
                double px = x + ZONE_PAD + (i % cols) * (cellW + 16);
                platform(byId.get(platformOrder.get(i)), px, rowY[i / cols], cellW, zoneKey);
            }
            bottom = Math.max(bottom, top + height);
            x += width + GAP;
        }
        List<ResourceInstance> unplaced = topology.instances().values().stream()
                .filter(i -> i.platform().isEmpty() && i.state() != InstanceState.TERMINATED).toList();
        if (!unplaced.isEmpty()) {
            Map<String, ResourceInstance> byId = new HashMap<>();
            unplaced.forEach(i -> byId.put(i.id().value(), i));
            List<String> trayOrder = order("tray", byId.keySet().stream().sorted().toList());
            CanvasKey trayKey = CanvasKey.of(CanvasKey.Kind.TRAY, "unplaced");
            double y = top + ZONE_HEAD;
            double trayX = x;
            List<Runnable> later = new ArrayList<>();
            for (String id : trayOrder) {
                ResourceInstance instance = byId.get(id);
                double iy = y;
                later.add(() -> instance(instance, null, trayX + ZONE_PAD, iy, trayKey));
                y += instanceHeight(instance) + 8;
            }
            Rect tray = new Rect(x, top, INST_W + 2 * ZONE_PAD, Math.max(80, y - top - 8 + ZONE_PAD));
            put(new Item(trayKey, tray, null, null, "", unplaced.size(), unplaced.size()));
            later.forEach(Runnable::run);
            bottom = Math.max(bottom, tray.maxY());
        }
        return new Rect(MARGIN, top, Math.max(0, x - MARGIN), bottom - top);
    }

    private static int instanceColumns(ServicePlatform platform) {
        return platform.capacity() > 4 ? 2 : 1;
    }

    /** Attachments of an instance by device index. */
    private List<Attachment> attachmentsOn(ResourceInstance instance) {
        return attachmentsByInstance.getOrDefault(instance.id(), List.of());
    }

    /** The instances on a platform, looked up once per layout. */
    private List<ResourceInstance> instancesOn(ServicePlatform platform) {
        return instancesByPlatform.computeIfAbsent(platform.id(), topology::instancesOn);
    }

    private double instanceHeight(ResourceInstance instance) {
        int chipCount = attachmentsOn(instance).size();
        return INST_HEAD + chipCount * (CHIP_H + 4) + 6;
    }

    private double nicRowsHeight(ServicePlatform platform, double innerW) {
        int perRow = (int) Math.max(1, Math.floor((innerW + 6) / (NIC_W + 6)));
        int rows = (platform.nics().size() + perRow - 1) / perRow;
        return rows * (NIC_H + 6);
    }

    /** Width and height of a platform box. */
    private double[] platformSize(ServicePlatform platform) {
        int cols = instanceColumns(platform);
        double innerW = cols * (INST_W + 8) - 8;
        double[] colH = new double[cols];
        List<ResourceInstance> on = instancesOn(platform);
        List<String> ids = previewOrder("platform:" + platform.id(), on);
        Map<String, ResourceInstance> byId = new HashMap<>();
        on.forEach(i -> byId.put(i.id().value(), i));
        for (int i = 0; i < ids.size(); i++) {
            colH[i % cols] += instanceHeight(byId.get(ids.get(i))) + 8;
        }
        double maxCol = 30;
        for (double h : colH) {
            maxCol = Math.max(maxCol, h);
        }
        return new double[] {innerW + 2 * PLAT_PAD, PLAT_HEAD + nicRowsHeight(platform, innerW) + 4 + maxCol + PLAT_PAD};
    }

    private List<String> previewOrder(String container, List<ResourceInstance> members) {
        Set<String> present = new LinkedHashSet<>();
        members.forEach(i -> present.add(i.id().value()));
        List<String> ordered = new ArrayList<>();
        for (String id : previousOrders.getOrDefault(container, List.of())) {
            if (present.remove(id)) {
                ordered.add(id);
            }
        }
        ordered.addAll(present);
        return ordered;
    }

    private void platform(ServicePlatform platform, double x, double y, double cellW, CanvasKey zoneKey) {
        double[] size = platformSize(platform);
        CanvasKey key = CanvasKey.of(CanvasKey.Kind.PLATFORM, platform.id());
        List<ResourceInstance> on = instancesOn(platform);
        Rect box = new Rect(x, y, Math.max(size[0], cellW), size[1]);
        put(new Item(key, box, zoneKey, platform, "", on.size(), on.size()));
        int cols = instanceColumns(platform);
        double innerW = cols * (INST_W + 8) - 8;
        int perRow = (int) Math.max(1, Math.floor((innerW + 6) / (NIC_W + 6)));
        List<PhysicalNic> nics = platform.nics();
        for (int i = 0; i < nics.size(); i++) {
            PhysicalNic nic = nics.get(i);
            Rect at = new Rect(x + PLAT_PAD + (i % perRow) * (NIC_W + 6), y + PLAT_HEAD + (i / perRow) * (NIC_H + 6),
                    NIC_W, NIC_H);
            put(new Item(CanvasKey.of(CanvasKey.Kind.NIC, nic.id()), at, key, nic, nic.up() ? "up" : "down", 0, 0));
        }
        double instancesTop = y + PLAT_HEAD + nicRowsHeight(platform, innerW) + 4;
        Map<String, ResourceInstance> byId = new HashMap<>();
        on.forEach(i -> byId.put(i.id().value(), i));
        List<String> ids = order("platform:" + platform.id(), byId.keySet().stream().sorted().toList());
        double[] colY = new double[cols];
        java.util.Arrays.fill(colY, instancesTop);
        for (int i = 0; i < ids.size(); i++) {
            ResourceInstance instance = byId.get(ids.get(i));
            int c = i % cols;
            instance(instance, platform, x + PLAT_PAD + c * (INST_W + 8), colY[c], key);
            colY[c] += instanceHeight(instance) + 8;
        }
    }

    /** An instance and its attached chips ({@code platform}: the one it is placed on, {@code null} in the tray). */
    private void instance(ResourceInstance instance, ServicePlatform platform, double x, double y, CanvasKey container) {
        List<Attachment> attachments = attachmentsOn(instance);
        CanvasKey key = CanvasKey.of(CanvasKey.Kind.INSTANCE, instance.id());
        Rect box = new Rect(x, y, INST_W, instanceHeight(instance));
        put(new Item(key, box, container, instance, instance.state().toString(), attachments.size(), attachments.size()));
        for (int i = 0; i < attachments.size(); i++) {
            Attachment attachment = attachments.get(i);
            InterfaceRecord record = records.get(attachment.iface());
            if (record == null) {
                continue;
            }
            Rect at = new Rect(x + 8, y + INST_HEAD + i * (CHIP_H + 4), CHIP_W, CHIP_H);
            chip(record, Optional.of(attachment), at, key, instance, platform);
        }
    }

    // ---- chips and their links --------------------------------------------------------------

    private void chip(InterfaceRecord record, Optional<Attachment> attachment, Rect at, CanvasKey container,
                      ResourceInstance instance, ServicePlatform platform) {
        String id = record.id().value();
        List<CanvasKey> existing = chipsByInterface.computeIfAbsent(id, k -> new ArrayList<>(1));
        // Every attachment of a multi-attach record is a chip; the one with the lowest attachment id
        // keeps the record's own key so that a selection survives re-layout.
        boolean first = attachment.isEmpty() || !record.multiAttach()
                || attachment.get().id().value().equals(firstAttachment.get(record.id()));
        CanvasKey key = first ? CanvasKey.of(CanvasKey.Kind.INTERFACE, id)
                : CanvasKey.of(CanvasKey.Kind.INTERFACE, id + "@" + attachment.get().instance());
        existing.add(key);
        org.viflab.model.InterfaceStatus status = fields.status(record);
        Item.Chip chip = new Item.Chip(record, attachment, status, carriedBy(attachment, status, instance, platform));
        Item item = new Item(key, at, container, chip, chip.status().toString(), 0, 0);
        chips.add(item);
        if (attachment.isPresent()) {
            attachedChips++;
        }
    }

    /**
     * The MAC of the NIC carrying an attached record on its instance's platform (empty while its plug
     * is queued or the instance is not running and placed): the per-attachment view of
     * {@code FieldView.macAddresses}, found without walking the record's attachments again.
     */
    private List<String> carriedBy(Optional<Attachment> attachment, org.viflab.model.InterfaceStatus status,
                                   ResourceInstance instance, ServicePlatform platform) {
        if (attachment.isEmpty() || status == org.viflab.model.InterfaceStatus.ATTACHING) {
            return List.of();
        }
        if (instance == null || !instance.isActive()) {
            return List.of();
        }
        return platform == null ? List.of() : List.of(platform.nicFor(attachment.get().deviceIndex()).mac().toString());
    }

    private void addChips() {
        for (Item chip : chips) {
            put(chip);
            Item.Chip model = (Item.Chip) chip.model();
            if (model.attachment().isEmpty()) {
                continue;
            }
            Rect at = chip.bounds();
            Item band = items.get(CanvasKey.of(CanvasKey.Kind.SUBNET, model.record().subnet()));
            if (band != null) {
                double bx = Math.max(band.bounds().x() + 16, Math.min(band.bounds().maxX() - 16, at.centerX()));
                links.add(new Link(chip.key(), band.key(), Link.Type.SUBNET, at.centerX(), at.y(), bx,
                        band.bounds().maxY()));
            }
            Item instance = items.get(chip.container());
            if (instance != null && instance.model() instanceof ResourceInstance ri && ri.platform().isPresent()) {
                ServicePlatform platform = platformsById.computeIfAbsent(ri.platform().get(), topology.platforms()::get);
                if (platform != null) {
                    PhysicalNic nic = platform.nicFor(model.attachment().get().deviceIndex());
                    Item nicItem = items.get(CanvasKey.of(CanvasKey.Kind.NIC, nic.id()));
                    if (nicItem != null) {
                        links.add(new Link(chip.key(), nicItem.key(), Link.Type.NIC, at.x(), at.centerY(),
                                nicItem.bounds().centerX(), nicItem.bounds().maxY()));
                    }
                }
            }
        }
    }
}
