package org.viflab.flow;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Random;
import java.util.Set;
import org.viflab.fabric.Fabric;
import org.viflab.fabric.GroupRules;
import org.viflab.fabric.Hypervisor;
import org.viflab.fabric.MappingEntry;
import org.viflab.fabric.PartitionTable;
import org.viflab.fabric.Plug;
import org.viflab.model.Attachment;
import org.viflab.model.AttachmentId;
import org.viflab.model.ConfigOperation;
import org.viflab.model.ConfigOperation.GroupOp;
import org.viflab.model.ConfigOperation.MappingOp;
import org.viflab.model.InstanceId;
import org.viflab.model.InstanceState;
import org.viflab.model.InterfaceId;
import org.viflab.model.InterfaceRecord;
import org.viflab.model.Partition;
import org.viflab.model.PartitionId;
import org.viflab.model.PhysicalNic;
import org.viflab.model.PlatformId;
import org.viflab.model.PublicAddress;
import org.viflab.model.ResourceInstance;
import org.viflab.model.Route;
import org.viflab.model.RouteTarget;
import org.viflab.model.Rule;
import org.viflab.model.RulePeer;
import org.viflab.model.SecurityGroup;
import org.viflab.model.SecurityGroupId;
import org.viflab.model.ServicePlatform;
import org.viflab.model.Subnet;
import org.viflab.model.SubnetId;
import org.viflab.model.Topology;
import org.viflab.net.Ipv4Address;
import org.viflab.net.Ipv4Prefix;
import org.viflab.net.MacAddress;
import org.viflab.net.PortSet;
import org.viflab.net.Protocol;
import org.viflab.fabric.NicState;
import org.viflab.fabric.Router;

/**
 * Measures the tracer and watched flows on a large lab: by default 4 partitions × 500 instances × 5
 * interfaces (10,000 records) in 5 subnets per partition, 3 groups per partition (with a group-peer
 * rule), 50 platforms of 2 NICs.
 *
 * <p>It reports the latency of single traces (median and 99th percentile over many traces after a
 * warm-up), the same for a loop doing only the hash lookups a trace makes (mapping, plugs, route),
 * which is the floor a trace cannot go below, and the time to bring 1,000 watched flows up to date
 * after an operation that affects 10 of them and after one that affects all of them.
 * Targets: median trace under 10 µs; 10 affected under 1 ms; all affected under 10 ms.
 *
 * <p>Plain {@code System.nanoTime} timing, not JMH: the figures are for the {@code viflab bench}
 * table and a regression guard, not for publication.
 */
public final class TraceBenchmark {

    /** Sizes of one run. */
    public record Settings(int partitions, int instancesPerPartition, int interfacesPerInstance, int platforms,
                           int flows, int warmupTraces, int timedTraces, int watchedFlows, int watchWarmupRounds,
                           int watchRounds, long seed) {

        public Settings {
            if (partitions < 1 || partitions > 200 || instancesPerPartition < 12 || instancesPerPartition > 2000
                    || interfacesPerInstance < 1 || interfacesPerInstance > 8 || platforms < 1 || flows < 1
                    || warmupTraces < 0 || timedTraces < 1 || watchedFlows < 10 || watchWarmupRounds < 0
                    || watchRounds < 1) {
                throw new IllegalArgumentException("benchmark settings out of range: " + this);
            }
        }

        /**
         * 10,000 interfaces, 100,000 timed traces after 200,000 for warm-up, 1,000 watched flows
         * updated 150 times for warm-up (the JIT needs that long on two cores) and 50 times timed.
         */
        public static Settings defaults() {
            return new Settings(4, 500, 5, 50, 1000, 200_000, 100_000, 1000, 150, 50, 42);
        }

        /** The same lab with fewer traces and rounds: a few seconds, for a test. */
        public static Settings quick() {
            return new Settings(4, 500, 5, 50, 1000, 30_000, 20_000, 1000, 10, 10, 42);
        }
    }

    /**
     * The figures of one run.
     *
     * @param medianTraceNanos       median latency of one trace
     * @param p99TraceNanos          99th percentile latency of one trace
     * @param baselineMedianNanos    median of the lookups alone, for the same flows
     * @param watchedTenAffectedNanos  median time to update the watched flows after an operation affecting 10
     * @param watchedAllAffectedNanos  median time after an operation affecting all of them
     * @param watchedAllAffectedFirstNanos the first such update, before the JIT has compiled that path
     */
    public record Result(int interfaces, int watchedFlows, long compileMillis, long medianTraceNanos,
                         long p99TraceNanos, long baselineMedianNanos, long baselineP99Nanos,
                         long watchedTenAffectedNanos, int tenAffectedTraced, long watchedAllAffectedNanos,
                         int allAffectedTraced, long watchedAllAffectedFirstNanos) {

        public boolean meetsTargets() {
            return medianTraceNanos < 10_000 && watchedTenAffectedNanos < 1_000_000
                    && watchedAllAffectedNanos < 10_000_000;
        }

        /** A small table, one figure a line, for {@code viflab bench}. */
        public String toText() {
            return String.format("interfaces                          %,d%n"
                            + "compile topology → fabric           %,d ms%n"
                            + "single trace, median               %,d ns (target < 10,000)%n"
                            + "single trace, p99                  %,d ns%n"
                            + "lookups only, median               %,d ns%n"
                            + "lookups only, p99                  %,d ns%n"
                            + "%,d watched flows, %d affected      %,d µs (target < 1,000)%n"
                            + "%,d watched flows, all %,d affected %,d µs (target < 10,000)%n"
                            + "  the first such update, cold JIT    %,d µs%n",
                    interfaces, compileMillis, medianTraceNanos, p99TraceNanos, baselineMedianNanos, baselineP99Nanos,
                    watchedFlows, tenAffectedTraced, watchedTenAffectedNanos / 1000, watchedFlows, allAffectedTraced,
                    watchedAllAffectedNanos / 1000, watchedAllAffectedFirstNanos / 1000);
        }
    }

    /** Keeps results alive so that the JIT cannot drop the work. */
    private static volatile long sink;

    private TraceBenchmark() {
    }

    /** Runs the benchmark with {@link Settings#defaults()}. */
    public static Result run() {
        return run(Settings.defaults());
    }

    public static Result run(Settings settings) {
        Lab lab = build(settings);
        long started = System.nanoTime();
        Fabric fabric = Fabric.compile(lab.topology);
        long compileMillis = (System.nanoTime() - started) / 1_000_000;

        Random random = new Random(settings.seed());
        ResolvedFlow[] flows = new ResolvedFlow[settings.flows()];
        for (int i = 0; i < flows.length; i++) {
            flows[i] = FlowResolver.resolve(lab.topology, lab.randomFlow(random, -1));
        }
        long[] traceTimes = timeTraces(fabric, flows, settings);
        long[] lookupTimes = timeLookups(fabric, flows, settings);

        WatchedTimes watched = timeWatched(lab, fabric, settings, random);
        return new Result(lab.interfaces, settings.watchedFlows(), compileMillis, percentile(traceTimes, 50),
                percentile(traceTimes, 99), percentile(lookupTimes, 50), percentile(lookupTimes, 99), watched.ten,
                watched.tenTraced, watched.all, watched.allTraced, watched.first);
    }

    private static long[] timeTraces(Fabric fabric, ResolvedFlow[] flows, Settings settings) {
        long acc = 0;
        for (int i = 0; i < settings.warmupTraces(); i++) {
            acc += FlowTracer.trace(fabric, flows[i % flows.length]).hops().size();
        }
        long[] times = new long[settings.timedTraces()];
        for (int i = 0; i < times.length; i++) {
            ResolvedFlow flow = flows[i % flows.length];
            long t0 = System.nanoTime();
            Trace trace = FlowTracer.trace(fabric, flow);
            long t1 = System.nanoTime();
            acc += trace.hops().size();
            times[i] = t1 - t0;
        }
        sink += acc;
        return times;
    }

    /** The hash lookups a delivered trace makes, and nothing else. */
    private static long lookups(Fabric fabric, ResolvedFlow flow) {
        long acc = 0;
        PlatformId platform = fabric.runningPlatform(flow.senderInstance());
        Hypervisor sender = fabric.hypervisor(platform);
        Plug out = sender.plug(flow.senderInterface(), flow.senderInstance());
        PartitionTable table = fabric.partition(out.partition());
        MappingEntry own = table.mappingAt(flow.source());
        List<SecurityGroupId> groups = sender.loadedGroups(out.iface());
        GroupRules rules = table.groupRules(groups.get(0));
        NicState nic = sender.nic(out.nic());
        Router router = fabric.router(out.subnet());
        Route route = router.lookup(flow.destination());
        MappingEntry entry = table.mappingAt(flow.destination());
        InstanceId target = entry.instances().get(0);
        Hypervisor receiver = fabric.hypervisor(fabric.runningPlatform(target));
        Plug in = receiver.plug(entry.iface(), target);
        GroupRules ingress = table.groupRules(receiver.loadedGroups(in.iface()).get(0));
        NicState nicIn = receiver.nic(in.nic());
        acc += own.instances().size() + rules.egress().size() + (nic.up() ? 1 : 0) + route.to().length()
                + ingress.ingress().size() + (nicIn.up() ? 1 : 0);
        return acc;
    }

    private static long[] timeLookups(Fabric fabric, ResolvedFlow[] flows, Settings settings) {
        long acc = 0;
        for (int i = 0; i < settings.warmupTraces(); i++) {
            acc += lookups(fabric, flows[i % flows.length]);
        }
        long[] times = new long[settings.timedTraces()];
        for (int i = 0; i < times.length; i++) {
            ResolvedFlow flow = flows[i % flows.length];
            long t0 = System.nanoTime();
            long v = lookups(fabric, flow);
            long t1 = System.nanoTime();
            acc += v;
            times[i] = t1 - t0;
        }
        sink += acc;
        return times;
    }

    private record WatchedTimes(long ten, int tenTraced, long all, int allTraced, long first) {
    }

    /**
     * 1,000 watched flows in partition 0: 10 go to one record T, the others to other records, all sent
     * through records in the group {@code sg-0-web}. Detaching and re-attaching T affects 10 flows;
     * redefining {@code sg-0-web} affects all of them.
     */
    private static WatchedTimes timeWatched(Lab lab, Fabric fabric, Settings settings, Random random) {
        WatchedFlows watched = new WatchedFlows();
        int target = 0;
        InterfaceRecord targetRecord = lab.topology.interfaces().get(lab.device0(0, target));
        InstanceId targetInstance = lab.instance(0, target);
        for (int i = 0; i < settings.watchedFlows(); i++) {
            Flow flow = i < 10 ? lab.flowTo(random, 0, target, target) : lab.randomFlow(random, target, 0);
            watched.watch("flow-" + i, flow, fabric, lab.topology);
        }
        PartitionId p0 = targetRecord.partition();
        Ipv4Address address = targetRecord.primaryIp();
        List<ConfigOperation> detach = List.of(new MappingOp(p0, true, address, targetRecord.id(), List.of()));
        List<ConfigOperation> attach = List.of(new MappingOp(p0, true, address, targetRecord.id(),
                List.of(targetInstance)));
        // Every flow is sent through sg-0-web: changing its rules (another port, then back) affects all.
        SecurityGroup web = lab.topology.securityGroups().get(lab.webGroup(0));
        List<Rule> wider = new ArrayList<>(web.ingress());
        wider.add(new Rule(Protocol.TCP, PortSet.parse("8443"), RulePeer.of(Ipv4Prefix.ANY)));
        List<ConfigOperation> widen = List.of(new GroupOp(p0, web.id(), true, wider, web.egress()));
        List<ConfigOperation> restore = List.of(new GroupOp(p0, web.id(), true, web.ingress(), web.egress()));

        int rounds = settings.watchRounds();
        long[] ten = new long[rounds * 2];
        long[] all = new long[rounds * 2];
        int tenTraced = 0;
        int allTraced = 0;
        long first = update(watched, fabric, lab.topology, widen);
        update(watched, fabric, lab.topology, restore);
        for (int warm = 0; warm < settings.watchWarmupRounds(); warm++) {
            update(watched, fabric, lab.topology, detach);
            update(watched, fabric, lab.topology, attach);
            update(watched, fabric, lab.topology, widen);
            update(watched, fabric, lab.topology, restore);
        }
        for (int r = 0; r < rounds; r++) {
            long before = watched.traceCount();
            ten[2 * r] = update(watched, fabric, lab.topology, detach);
            ten[2 * r + 1] = update(watched, fabric, lab.topology, attach);
            tenTraced = (int) (watched.traceCount() - before) / 2;
            before = watched.traceCount();
            all[2 * r] = update(watched, fabric, lab.topology, widen);
            all[2 * r + 1] = update(watched, fabric, lab.topology, restore);
            allTraced = (int) (watched.traceCount() - before) / 2;
        }
        return new WatchedTimes(percentile(ten, 50), tenTraced, percentile(all, 50), allTraced, first);
    }

    private static long update(WatchedFlows watched, Fabric fabric, Topology topology, List<ConfigOperation> ops) {
        long t0 = System.nanoTime();
        fabric.applyAll(ops);
        List<FlowChange> changes = watched.retraceAfter(fabric, topology, ops);
        long t1 = System.nanoTime();
        sink += changes.size();
        return t1 - t0;
    }

    private static long percentile(long[] values, int percent) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        int index = (int) Math.min(sorted.length - 1, Math.ceil(percent / 100.0 * sorted.length) - 1);
        return sorted[Math.max(0, index)];
    }

    // ------------------------------------------------------------------ the lab

    /** The generated topology and the ids it is made of. */
    private static final class Lab {
        final Settings settings;
        final Topology topology;
        final int interfaces;

        Lab(Settings settings, Topology topology, int interfaces) {
            this.settings = settings;
            this.topology = topology;
            this.interfaces = interfaces;
        }

        InstanceId instance(int partition, int index) {
            return InstanceId.instanceId("vm-" + partition + "-" + index);
        }

        InterfaceId device0(int partition, int index) {
            return InterfaceId.interfaceId("vif-" + partition + "-" + index + "-0");
        }

        SecurityGroupId webGroup(int partition) {
            return SecurityGroupId.securityGroupId("sg-" + partition + "-web");
        }

        /** A flow from a random instance of a random partition to another's device-0 record, port 80. */
        Flow randomFlow(Random random, int avoid) {
            return randomFlow(random, avoid, random.nextInt(settings.partitions()));
        }

        Flow randomFlow(Random random, int avoid, int partition) {
            int to;
            do {
                to = random.nextInt(settings.instancesPerPartition());
            } while (to == avoid);
            return flowTo(random, partition, to, avoid);
        }

        Flow flowTo(Random random, int partition, int to, int avoid) {
            int from;
            do {
                from = random.nextInt(settings.instancesPerPartition());
            } while (from == to || from == avoid);
            return new Flow(Endpoint.object(instance(partition, from).value()),
                    Endpoint.object(device0(partition, to).value()), Protocol.TCP, 80,
                    OptionalInt.of(32768 + random.nextInt(28000)));
        }
    }

    private static Lab build(Settings s) {
        Topology.Builder b = Topology.empty().toBuilder();
        String zone = "zone-1";
        List<ServicePlatform> platforms = new ArrayList<>();
        for (int h = 0; h < s.platforms(); h++) {
            List<PhysicalNic> nics = List.of(
                    new PhysicalNic(org.viflab.model.NicId.nicId("nic-" + h + "-0"), new MacAddress(0x0200_0000_0000L + h * 16L), true),
                    new PhysicalNic(org.viflab.model.NicId.nicId("nic-" + h + "-1"), new MacAddress(0x0200_0000_0000L + h * 16L + 1), true));
            ServicePlatform platform = new ServicePlatform(PlatformId.platformId("host-" + h), zone,
                    s.partitions() * s.instancesPerPartition(), nics);
            platforms.add(platform);
            b.putPlatform(platform);
        }
        Rule allOut = new Rule(Protocol.ALL, null, RulePeer.of(Ipv4Prefix.ANY));
        int interfaces = 0;
        for (int p = 0; p < s.partitions(); p++) {
            PartitionId pid = PartitionId.partitionId("vpc-" + p);
            Ipv4Prefix cidr = new Ipv4Prefix(new Ipv4Address((10 << 24) | (p << 16)), 16);
            Partition partition = new Partition(pid, Topology.OPERATOR, cidr, true, Optional.empty(),
                    Partition.defaultGroupOf(pid));
            b.putPartition(partition);
            b.putSecurityGroup(Fabric.defaultGroup(partition));
            SecurityGroupId web = SecurityGroupId.securityGroupId("sg-" + p + "-web");
            SecurityGroupId app = SecurityGroupId.securityGroupId("sg-" + p + "-app");
            SecurityGroupId db = SecurityGroupId.securityGroupId("sg-" + p + "-db");
            b.putSecurityGroup(new SecurityGroup(web, pid, "web", List.of(
                    new Rule(Protocol.TCP, PortSet.parse("80,443"), RulePeer.of(Ipv4Prefix.ANY)),
                    new Rule(Protocol.TCP, PortSet.parse("22"), RulePeer.of(cidr))), List.of(allOut)));
            b.putSecurityGroup(new SecurityGroup(app, pid, "app", List.of(
                    new Rule(Protocol.TCP, PortSet.parse("8080"), RulePeer.of(web))), List.of(allOut)));
            b.putSecurityGroup(new SecurityGroup(db, pid, "db", List.of(
                    new Rule(Protocol.TCP, PortSet.parse("5432"), RulePeer.of(app))),
                    List.of(new Rule(Protocol.TCP, PortSet.parse("443"), RulePeer.of(Ipv4Prefix.ANY)))));
            List<SecurityGroupId> byDevice = List.of(web, app, db, partition.defaultGroup(), partition.defaultGroup());
            // Subnet d holds device d of every instance: a /23 at 10.p.(2d).0.
            List<Subnet> subnets = new ArrayList<>();
            for (int d = 0; d < s.interfacesPerInstance(); d++) {
                Ipv4Prefix subnetCidr = new Ipv4Prefix(new Ipv4Address((10 << 24) | (p << 16) | ((2 * d) << 8)), 23);
                List<Route> routes = d == 0 ? List.of(new Route(Ipv4Prefix.ANY, RouteTarget.INTERNET)) : List.of();
                Subnet subnet = new Subnet(SubnetId.subnetId("subnet-" + p + "-" + d), pid, subnetCidr, zone, routes);
                subnets.add(subnet);
                b.putSubnet(subnet);
            }
            for (int i = 0; i < s.instancesPerPartition(); i++) {
                InstanceId iid = InstanceId.instanceId("vm-" + p + "-" + i);
                ServicePlatform platform = platforms.get((p * s.instancesPerPartition() + i) % platforms.size());
                b.putInstance(new ResourceInstance(iid, Topology.OPERATOR, "m5.4xlarge", zone,
                        Optional.of(platform.id()), InstanceState.RUNNING, Map.of()));
                for (int d = 0; d < s.interfacesPerInstance(); d++) {
                    InterfaceId rid = InterfaceId.interfaceId("vif-" + p + "-" + i + "-" + d);
                    Ipv4Address ip = subnets.get(d).cidr().addressAt(10 + i);
                    List<PublicAddress> publics = d == 0 && i % 10 == 0
                            ? List.of(new PublicAddress(new Ipv4Address((203 << 24) | (p << 16) | i), ip)) : List.of();
                    b.putInterface(new InterfaceRecord(rid, "", pid, zone, subnets.get(d).id(), List.of(ip), publics,
                            List.of(byDevice.get(Math.min(d, byDevice.size() - 1))), Set.of(), Set.of(),
                            Topology.OPERATOR, true, null, Map.of(), OptionalInt.empty(), false, false));
                    b.putAttachment(new Attachment(AttachmentId.attachmentId("attach-" + p + "-" + i + "-" + d), rid,
                            iid, Topology.OPERATOR, d, true));
                    interfaces++;
                }
            }
        }
        return new Lab(s, b.build(), interfaces);
    }
}
