package org.viflab.flow;

import static org.viflab.flow.Reason.*;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.StringJoiner;
import org.viflab.fabric.Fabric;
import org.viflab.fabric.FabricKey;
import org.viflab.fabric.GroupRules;
import org.viflab.fabric.Hypervisor;
import org.viflab.fabric.MappingEntry;
import org.viflab.fabric.NicState;
import org.viflab.fabric.PartitionTable;
import org.viflab.fabric.Plug;
import org.viflab.fabric.Router;
import org.viflab.flow.Crossing.Direction;
import org.viflab.flow.Hop.Action;
import org.viflab.flow.Hop.ComponentKind;
import org.viflab.model.InstanceId;
import org.viflab.model.InterfaceId;
import org.viflab.model.PartitionId;
import org.viflab.model.PlatformId;
import org.viflab.model.Route;
import org.viflab.model.Rule;
import org.viflab.model.RulePeer;
import org.viflab.model.SecurityGroupId;
import org.viflab.model.Sentence;
import org.viflab.model.SubnetId;
import org.viflab.net.Ipv4Address;
import org.viflab.net.Ipv4Prefix;
import org.viflab.net.Protocol;

/**
 * Walks a resolved flow through a fabric, step by step as packet-flow.md describes, and returns the
 * {@link Trace}: originate at the sender; leave its interface (source/destination check, egress
 * groups, physical NIC); route in its subnet by longest prefix (local → mapping table, internet →
 * NAT and exit or re-entry through another partition's gateway, VPN → exit on premises, an
 * appliance's interface → through the appliance and on, blackhole → dropped); arrive (NIC, ingress
 * groups) and deliver.
 *
 * <p>A pure function of the fabric and the flow: it reads nothing else and changes nothing, so the
 * same fabric and flow always give the same trace. Monitoring counters are kept apart
 * ({@link Counters}). Security groups are stateful: only the first packet's direction is checked.
 */
public final class FlowTracer {

    /** Router passes a packet may make before it is dropped as a loop. */
    public static final int HOP_LIMIT = 16;

    private FlowTracer() {
    }

    /** Traces {@code flow} through {@code fabric}. */
    public static Trace trace(Fabric fabric, ResolvedFlow flow) {
        Objects.requireNonNull(fabric, "fabric");
        Objects.requireNonNull(flow, "flow");
        return new Walk(fabric, flow).run();
    }

    /**
     * The stable hash of a 5-tuple that spreads flows over the instances of a multi-attach record
     * (MurmurHash3's mixing; the same on every run and every machine).
     */
    public static int flowHash(Ipv4Address src, Ipv4Address dst, Protocol protocol, int srcPort, int dstPort) {
        int h = 0x9747b28c;
        h = mix(h, src.bits());
        h = mix(h, dst.bits());
        h = mix(h, protocolNumber(protocol));
        h = mix(h, (srcPort << 16) | (dstPort & 0xFFFF));
        h ^= 16;
        h ^= h >>> 16;
        h *= 0x85ebca6b;
        h ^= h >>> 13;
        h *= 0xc2b2ae35;
        h ^= h >>> 16;
        return h;
    }

    private static int mix(int h, int k) {
        k *= 0xcc9e2d51;
        k = Integer.rotateLeft(k, 15);
        k *= 0x1b873593;
        h ^= k;
        h = Integer.rotateLeft(h, 13);
        return h * 5 + 0xe6546b64;
    }

    private static int protocolNumber(Protocol protocol) {
        return switch (protocol) {
            case TCP -> 6;
            case UDP -> 17;
            case ICMP -> 1;
            case ALL -> 0;
        };
    }

    /** One walk: the packet's header as it changes, and what the trace will report. */
    private static final class Walk {
        private final Fabric fabric;
        private final ResolvedFlow flow;
        private final Protocol protocol;
        private final int port;
        private final List<Hop> hops = new ArrayList<>(12);
        private final List<Crossing> crossings = new ArrayList<>(4);
        private final List<FabricKey> touched = new ArrayList<>(16);
        private Ipv4Address src;
        private Ipv4Address dst;
        private int routerPasses;
        private List<InstanceId> landing = List.of();
        private InstanceId deliveredTo;
        private InterfaceId deliveredInterface;
        private SecurityGroupId deniedBy;
        private Trace.Exit exit;
        /** The text of the route last looked up. */
        private String routeText;
        /** The header's addresses as text, made once per change rather than per hop. */
        private String srcText;
        private String dstText;

        Walk(Fabric fabric, ResolvedFlow flow) {
            this.fabric = fabric;
            this.flow = flow;
            this.protocol = flow.protocol();
            this.port = flow.destinationPort();
            this.src = flow.source();
            this.dst = flow.destination();
        }

        Trace run() {
            if (dst == null) {
                String who = flow.origin() == ResolvedFlow.Origin.INTERNET ? "internet" : originId();
                setDst(src); // a header needs a destination; the hop says there is none
                hop(originKind(), who, Action.DROPPED, flow.unresolved());
                return end(Disposition.NO_ROUTE, flow.flow().to().toString(), flow.unresolved());
            }
            return switch (flow.origin()) {
                case INSTANCE, INTERFACE -> fromInterface();
                case INTERNET -> fromInternet();
                case VPN -> fromVpn();
            };
        }

        private ComponentKind originKind() {
            return switch (flow.origin()) {
                case INSTANCE -> ComponentKind.INSTANCE;
                case INTERFACE -> ComponentKind.INTERFACE;
                case INTERNET -> ComponentKind.INTERNET;
                case VPN -> ComponentKind.ON_PREMISES;
            };
        }

        private String originId() {
            return switch (flow.origin()) {
                case INSTANCE -> flow.senderInstance().value();
                case INTERFACE -> flow.senderInterface().value();
                case INTERNET -> src();
                case VPN -> "vpn:" + flow.partition();
            };
        }

        // ---------------------------------------------------------------- step 1: originate

        private Trace fromInterface() {
            InterfaceId iface = flow.senderInterface();
            InstanceId instance = flow.senderInstance();
            touch(FabricKey.iface(iface));
            if (instance == null) {
                hop(ComponentKind.INTERFACE, iface.value(), Action.DROPPED, Sentence.of(HOP_ATTACHED_NO_INSTANCE,
                        iface));
                return end(Disposition.DETACHED, iface.value(), Sentence.of(NOT_ATTACHED_ANY_INSTANCE_SO_NOTHING,
                        iface));
            }
            touch(FabricKey.instance(instance));
            PlatformId platform = fabric.runningPlatform(instance);
            if (platform == null) {
                hop(ComponentKind.INSTANCE, instance.value(), Action.DROPPED, Sentence.of(HOP_NOT_RUNNING, instance));
                return end(Disposition.NOT_RUNNING, instance.value(), Sentence.of(NOT_RUNNING_SO_CANNOT_SEND,
                        instance));
            }
            touch(FabricKey.platform(platform));
            Hypervisor hypervisor = fabric.hypervisor(platform);
            Plug plug = hypervisor.plug(iface, instance);
            if (plug == null) {
                hop(ComponentKind.INSTANCE, instance.value(), Action.DROPPED, Sentence.of(HOP_NOT_PLUGGED_INTO, iface,
                        instance, platform));
                return end(Disposition.NOT_PLUGGED, iface.value(), Sentence.of(NOT_PLUGGED_INTO_YET_SO_CANNOT, iface,
                        instance, platform, instance));
            }
            hop(ComponentKind.INSTANCE, instance.value(), Action.ORIGINATED, Sentence.of(HOP_SENDS, packet(), iface,
                    src()));
            return leave(hypervisor, plug);
        }

        private Trace fromInternet() {
            hop(ComponentKind.INTERNET, src(), Action.ORIGINATED, Sentence.of(HOP_OUTSIDE_HOST_SENDS, packet()));
            touch(FabricKey.publicAddress(dst));
            PartitionId partition = fabric.publicAddressPartition(dst);
            if (partition == null) {
                hop(ComponentKind.INTERNET, "internet", Action.DROPPED, Sentence.of(HOP_NO_RECORD_PUBLIC_ADDRESS, dst()));
                return end(Disposition.UNASSIGNED, dst(), Sentence.of(NO_INTERFACE_RECORD_PUBLIC_ADDRESS_SO, dst()));
            }
            return enterThroughInternetGateway(partition);
        }

        private Trace fromVpn() {
            PartitionId partition = flow.partition();
            touch(FabricKey.partition(partition));
            hop(ComponentKind.ON_PREMISES, "vpn:" + partition, Action.ORIGINATED, Sentence.of(HOP_PREMISES_HOST_SENDS, packet()));
            PartitionTable table = fabric.partition(partition);
            if (table == null || !table.hasVpn()) {
                hop(ComponentKind.VPN_GATEWAY, partition.value(), Action.DROPPED, Sentence.of(HOP_NO_VPN_GATEWAY,
                        partition));
                return end(Disposition.NO_ROUTE, partition.value(), Sentence.of(NO_VPN_GATEWAY_SO_PREMISES_HOST,
                        partition));
            }
            if (!table.cidr().contains(dst)) {
                hop(ComponentKind.VPN_GATEWAY, partition.value(), Action.DROPPED, Sentence.of(HOP_OUTSIDE, dst(),
                        partition, table.cidr()));
                return end(Disposition.NO_ROUTE, partition.value(), Sentence.of(VPN_GATEWAY_NO_ROUTE_WHICH_OUTSIDE,
                        partition, dst(), table.cidr()));
            }
            hop(ComponentKind.VPN_GATEWAY, partition.value(), Action.RECEIVED,
                    Sentence.of(HOP_ENTERS_THROUGH_VPN_GATEWAY, partition));
            return local(partition);
        }

        // ---------------------------------------------------------------- step 2: leave an interface

        private Trace leave(Hypervisor hypervisor, Plug plug) {
            InterfaceId iface = plug.iface();
            int crossing = cross(iface, Direction.OUT);
            touch(FabricKey.iface(iface));
            touch(FabricKey.partition(plug.partition()));
            PartitionTable table = fabric.partition(plug.partition());
            if (table == null) {
                hop(ComponentKind.INTERFACE, iface.value(), Action.DROPPED, Sentence.of(HOP_NOT_FABRIC,
                        plug.partition()));
                return end(Disposition.NO_ROUTE, plug.partition().value(),
                        Sentence.of(PARTITION_GONE_SO_PACKET_GOES_NOWHERE, plug.partition(), iface));
            }
            if (plug.sourceDestCheck()) {
                touch(FabricKey.address(table.id(), src));
                MappingEntry owner = table.mappingAt(src);
                if (owner == null || !owner.iface().equals(iface)) {
                    hop(ComponentKind.INTERFACE, iface.value(), Action.DROPPED,
                            Sentence.of(HOP_SOURCE_DESTINATION_CHECK_NOT_ADDRESS, src(), iface));
                    return end(Disposition.SPOOF_BLOCKED, iface.value(),
                            Sentence.of(SOURCE_DESTINATION_CHECK_NOT_ADDRESSES_SO, iface, src()));
                }
            }
            Trace denied = filter(hypervisor, plug, table, false);
            if (denied != null) {
                return denied;
            }
            touch(FabricKey.platform(hypervisor.id()));
            NicState nic = hypervisor.nic(plug.nic());
            if (nic == null || !nic.up()) {
                hop(ComponentKind.NIC, plug.nic().value(), Action.DROPPED, Sentence.of(HOP_DOWN, plug.nic(),
                        hypervisor.id()));
                return end(Disposition.NIC_DOWN, plug.nic().value(), Sentence.of(DOWN_SO_CANNOT_SEND, plug.nic(),
                        hypervisor.id(), iface));
            }
            hop(ComponentKind.NIC, nic.id().value(), Action.TRANSMITTED, Sentence.of(HOP_LEAVES_OVER, iface,
                    hypervisor.id(), nic.id(), nic.macText()));
            passed(crossing);
            return route(plug.subnet());
        }

        // ---------------------------------------------------------------- step 3: route

        private Trace route(SubnetId subnet) {
            if (++routerPasses > HOP_LIMIT) {
                hop(ComponentKind.ROUTER, subnet.value(), Action.DROPPED, Sentence.of(HOP_HOP_LIMIT_REACHED,
                        HOP_LIMIT));
                return end(Disposition.LOOP, subnet.value(), Sentence.of(PACKET_PASSED_ROUTERS_WITHOUT_ARRIVING_LAST,
                        HOP_LIMIT, subnet));
            }
            touch(FabricKey.router(subnet));
            Router router = fabric.router(subnet);
            if (router == null) {
                hop(ComponentKind.ROUTER, subnet.value(), Action.DROPPED, Sentence.of(HOP_NO_ROUTER, subnet));
                return end(Disposition.NO_ROUTE, subnet.value(), Sentence.of(SUBNET_NO_ROUTER_SO_CANNOT_REACHED,
                        subnet, dst()));
            }
            Route route = router.lookup(dst);
            if (route == null) {
                hop(ComponentKind.ROUTER, subnet.value(), Action.DROPPED, Sentence.of(HOP_NO_ROUTE_MATCHES, dst()));
                return end(Disposition.NO_ROUTE, subnet.value(), Sentence.of(NO_ROUTE_SO_PACKET_DROPPED, subnet,
                        dst()));
            }
            PartitionId partition = router.partition();
            routeText = router.text(route);
            switch (route.via().kind()) {
                case LOCAL -> {
                    hop(ComponentKind.ROUTER, subnet.value(), Action.FORWARDED, Sentence.of(HOP_ROUTE, routeText));
                    return local(partition);
                }
                case INTERNET -> {
                    return toInternet(partition, subnet, route);
                }
                case VPN -> {
                    return toVpn(partition, subnet, route);
                }
                case BLACKHOLE -> {
                    hop(ComponentKind.ROUTER, subnet.value(), Action.DROPPED, Sentence.of(HOP_ROUTE, routeText));
                    return end(Disposition.NO_ROUTE, subnet.value(), Sentence.of(ROUTE_BLACKHOLE_DROPS_TRAFFIC,
                            subnet, route.to(), dst()));
                }
                case INTERFACE -> {
                    hop(ComponentKind.ROUTER, subnet.value(), Action.FORWARDED, Sentence.of(HOP_ROUTE, routeText));
                    return throughAppliance(subnet, route.via().appliance());
                }
                default -> throw new IllegalStateException("unknown route target " + route.via());
            }
        }

        /** A {@code local} route: the partition's mapping table says who owns the destination. */
        private Trace local(PartitionId partition) {
            touch(FabricKey.partition(partition));
            touch(FabricKey.address(partition, dst));
            PartitionTable table = fabric.partition(partition);
            MappingEntry entry = table == null ? null : table.mappingAt(dst);
            if (entry == null) {
                hop(ComponentKind.MAPPING, partition.value(), Action.DROPPED, Sentence.of(HOP_NO_RECORD_OWNS, dst()));
                return end(Disposition.UNASSIGNED, dst(), Sentence.of(NO_INTERFACE_RECORD_OWNS_SO_NOTHING, partition,
                        dst()));
            }
            InterfaceId target = entry.iface();
            touch(FabricKey.iface(target));
            if (entry.detached()) {
                hop(ComponentKind.MAPPING, partition.value(), Action.DROPPED,
                        Sentence.of(HOP_BELONGS_ATTACHED_NO_INSTANCE, dst(), target));
                return end(Disposition.DETACHED, target.value(), Sentence.of(NOT_ATTACHED_ANY_INSTANCE_SO_NOTHING_2,
                        target, dst()));
            }
            Choice choice = choose(target, entry.instances());
            if (choice.plug == null) {
                hop(ComponentKind.MAPPING, partition.value(), Action.DROPPED, Sentence.of(choice.running
                        ? HOP_BELONGS_NOT_PLUGGED : HOP_BELONGS_NOT_RUNNING, dst(), target, choice.instance));
                if (!choice.running) {
                    return end(Disposition.NOT_RUNNING, choice.instance.value(),
                            Sentence.of(ATTACHED_WHICH_NOT_RUNNING_SO_NOTHING, target, choice.instance, dst()));
                }
                return end(Disposition.NOT_PLUGGED, target.value(),
                        Sentence.of(ATTACHED_BUT_HYPERVISOR_NOT_PLUGGED_YET, target, choice.instance, dst()));
            }
            hop(ComponentKind.MAPPING, partition.value(), Action.FORWARDED, Sentence.of(HOP_BELONGS, dst(), target,
                    choice.instance, choice.hypervisor.id(), choice.note(entry.instances())));
            landing = entry.instances();
            return arrive(choice.hypervisor, choice.plug);
        }

        /** An instance of a record that can take the packet, or the reason none can. */
        private static final class Choice {
            InstanceId instance;
            boolean running;
            Hypervisor hypervisor;
            Plug plug;
            int ready;

            Sentence note(List<InstanceId> candidates) {
                if (candidates.size() < 2) {
                    return Sentence.verbatim("");
                }
                return ready < candidates.size() ? Sentence.of(HOP_FLOW_HASH_PICKS_READY, instance, candidates, ready)
                        : Sentence.of(HOP_FLOW_HASH_PICKS, instance, candidates);
            }
        }

        /**
         * Picks the instance that receives traffic for a record: among those running and plugged, by the
         * flow hash (one candidate: that one). When none is ready, reports the first that runs but does
         * not have the record plugged yet (the nearest to receiving), else the first candidate, which
         * is not running.
         */
        private Choice choose(InterfaceId target, List<InstanceId> candidates) {
            Choice choice = new Choice();
            if (candidates.size() == 1) {
                InstanceId only = candidates.get(0);
                choice.instance = only;
                readyPlug(target, only, choice);
                return choice;
            }
            List<Choice> ready = new ArrayList<>(candidates.size());
            Choice firstRunning = null;
            for (InstanceId candidate : candidates) {
                Choice c = new Choice();
                c.instance = candidate;
                readyPlug(target, candidate, c);
                if (c.plug != null) {
                    ready.add(c);
                } else if (c.running && firstRunning == null) {
                    firstRunning = c;
                }
            }
            if (ready.isEmpty()) {
                if (firstRunning != null) {
                    return firstRunning;
                }
                choice.instance = candidates.get(0);
                return choice;
            }
            int hash = flowHash(src, dst, protocol, flow.sourcePort(), port);
            Choice chosen = ready.get(Integer.remainderUnsigned(hash, ready.size()));
            chosen.ready = ready.size();
            return chosen;
        }

        private void readyPlug(InterfaceId target, InstanceId instance, Choice into) {
            touch(FabricKey.instance(instance));
            PlatformId platform = fabric.runningPlatform(instance);
            if (platform == null) {
                return;
            }
            into.running = true;
            touch(FabricKey.platform(platform));
            Hypervisor hypervisor = fabric.hypervisor(platform);
            Plug plug = hypervisor.plug(target, instance);
            if (plug != null) {
                into.hypervisor = hypervisor;
                into.plug = plug;
                into.ready = 1;
            }
        }

        private Trace toInternet(PartitionId partition, SubnetId subnet, Route route) {
            touch(FabricKey.partition(partition));
            PartitionTable table = fabric.partition(partition);
            if (table == null || !table.hasInternetGateway()) {
                hop(ComponentKind.ROUTER, subnet.value(), Action.DROPPED,
                        Sentence.of(HOP_ROUTE_BUT_NO_INTERNET_GATEWAY, routeText, partition));
                return end(Disposition.NO_ROUTE, subnet.value(), Sentence.of(ROUTES_INTERNET_BUT_NO_INTERNET_GATEWAY,
                        subnet, route.to(), partition));
            }
            hop(ComponentKind.ROUTER, subnet.value(), Action.FORWARDED, Sentence.of(HOP_ROUTE, routeText));
            touch(FabricKey.address(partition, src));
            Ipv4Address publicIp = table.publicFor(src);
            if (publicIp == null) {
                MappingEntry owner = table.mappingAt(src);
                String who = owner != null ? owner.iface().value() : src();
                hop(ComponentKind.NAT, partition.value(), Action.DROPPED, Sentence.of(HOP_NO_PUBLIC_ADDRESS, src()));
                return end(Disposition.NO_ROUTE, who, Sentence.of(NO_PUBLIC_ADDRESS_SO_CANNOT_REACH, who, src(),
                        dst()));
            }
            Ipv4Address privateIp = src;
            setSrc(publicIp);
            hop(ComponentKind.NAT, partition.value(), Action.TRANSLATED, Sentence.of(HOP_SOURCE, privateIp, publicIp));
            hop(ComponentKind.INTERNET_GATEWAY, partition.value(), Action.FORWARDED, Sentence.of(HOP_LEAVES_INTERNET,
                    partition));
            touch(FabricKey.publicAddress(dst));
            PartitionId other = fabric.publicAddressPartition(dst);
            if (other == null) {
                hop(ComponentKind.INTERNET, "internet", Action.RECEIVED, Sentence.of(HOP_OUTSIDE_PROVIDER_NETWORK, dst()));
                exit = Trace.Exit.INTERNET;
                return end(Disposition.EXITED, partition.value(),
                        Sentence.of(PACKET_LEAVES_THROUGH_INTERNET_GATEWAY_EXITS, partition, publicIp, dst()));
            }
            hop(ComponentKind.INTERNET, "internet", Action.FORWARDED, Sentence.of(HOP_PUBLIC_ADDRESS_PACKET_COMES_BACK, dst(), other));
            return enterThroughInternetGateway(other);
        }

        private Trace enterThroughInternetGateway(PartitionId partition) {
            touch(FabricKey.partition(partition));
            PartitionTable table = fabric.partition(partition);
            if (table == null || !table.hasInternetGateway()) {
                hop(ComponentKind.INTERNET_GATEWAY, partition.value(), Action.DROPPED,
                        Sentence.of(HOP_NO_INTERNET_GATEWAY, partition));
                return end(Disposition.NO_ROUTE, partition.value(), Sentence.of(BELONGS_WHICH_NO_INTERNET_GATEWAY_SO,
                        dst(), partition));
            }
            Ipv4Address privateIp = table.privateFor(dst);
            if (privateIp == null) {
                hop(ComponentKind.INTERNET_GATEWAY, partition.value(), Action.DROPPED, Sentence.of(HOP_NO_NAT_ENTRY,
                        dst()));
                return end(Disposition.UNASSIGNED, dst(), Sentence.of(NO_INTERFACE_RECORD_PUBLIC_ADDRESS_SO, dst()));
            }
            hop(ComponentKind.INTERNET_GATEWAY, partition.value(), Action.RECEIVED,
                    Sentence.of(HOP_ENTERS_THROUGH_INTERNET_GATEWAY, partition));
            Ipv4Address publicIp = dst;
            setDst(privateIp);
            hop(ComponentKind.NAT, partition.value(), Action.TRANSLATED, Sentence.of(HOP_DESTINATION, publicIp,
                    privateIp));
            return local(partition);
        }

        private Trace toVpn(PartitionId partition, SubnetId subnet, Route route) {
            touch(FabricKey.partition(partition));
            PartitionTable table = fabric.partition(partition);
            Ipv4Prefix onPremises = table == null ? null : table.vpnOnPremisesOrNull();
            if (onPremises == null) {
                hop(ComponentKind.ROUTER, subnet.value(), Action.DROPPED, Sentence.of(HOP_ROUTE_BUT_NO_VPN_GATEWAY,
                        routeText, partition));
                return end(Disposition.NO_ROUTE, subnet.value(), Sentence.of(ROUTES_VPN_BUT_NO_VPN_GATEWAY, subnet,
                        route.to(), partition));
            }
            hop(ComponentKind.ROUTER, subnet.value(), Action.FORWARDED, Sentence.of(HOP_ROUTE, routeText));
            if (!onPremises.contains(dst)) {
                hop(ComponentKind.VPN_GATEWAY, partition.value(), Action.DROPPED,
                        Sentence.of(HOP_NOT_PREMISES_NETWORK, dst(), onPremises));
                return end(Disposition.NO_ROUTE, partition.value(),
                        Sentence.of(NOT_PREMISES_NETWORK_BEHIND_VPN_GATEWAY, dst(), onPremises, partition));
            }
            hop(ComponentKind.VPN_GATEWAY, partition.value(), Action.FORWARDED,
                    Sentence.of(HOP_LEAVES_PREMISES_NETWORK, partition, onPremises));
            hop(ComponentKind.ON_PREMISES, "vpn:" + partition, Action.RECEIVED, Sentence.of(HOP_PREMISES, dst()));
            exit = Trace.Exit.VPN;
            return end(Disposition.EXITED, partition.value(), Sentence.of(PACKET_LEAVES_THROUGH_VPN_GATEWAY_PREMISES,
                    partition, dst()));
        }

        // ---------------------------------------------------------------- appliances

        private Trace throughAppliance(SubnetId subnet, InterfaceId appliance) {
            touch(FabricKey.iface(appliance));
            MappingEntry entry = fabric.mappingOf(appliance);
            Sentence missing = null;
            Choice choice = null;
            if (entry == null) {
                missing = Sentence.of(ROUTE_TARGET_DOES_NOT_EXIST, appliance);
            } else if (entry.detached()) {
                missing = Sentence.of(ROUTE_TARGET_NOT_ATTACHED, appliance);
            } else {
                choice = choose(appliance, entry.instances());
                if (choice.plug == null) {
                    missing = Sentence.of(choice.running ? ROUTE_TARGET_NOT_PLUGGED : ROUTE_TARGET_NOT_RUNNING,
                            appliance,
                            choice.instance);
                }
            }
            if (missing != null) {
                hop(ComponentKind.ROUTER, subnet.value(), Action.DROPPED, missing);
                return end(Disposition.NO_ROUTE, subnet.value(), Sentence.of(SO_NO_WORKING_ROUTE, missing, subnet,
                        dst()));
            }
            Hypervisor hypervisor = choice.hypervisor;
            Plug in = choice.plug;
            InstanceId instance = choice.instance;
            int crossing = cross(appliance, Direction.IN);
            Trace stopped = receive(hypervisor, in);
            if (stopped != null) {
                return stopped;
            }
            PartitionTable table = fabric.partition(in.partition());
            touch(FabricKey.address(in.partition(), dst));
            MappingEntry own = table == null ? null : table.mappingAt(dst);
            if (own != null && own.iface().equals(appliance)) {
                // Addressed to the appliance itself: it is the receiver.
                passed(crossing);
                landing = own.instances();
                return deliver(hypervisor, in);
            }
            if (in.sourceDestCheck()) {
                hop(ComponentKind.INTERFACE, appliance.value(), Action.DROPPED,
                        Sentence.of(HOP_SOURCE_DESTINATION_CHECK_NOT_ADDRESSED, dst(), appliance));
                return end(Disposition.SPOOF_BLOCKED, appliance.value(),
                        Sentence.of(SOURCE_DESTINATION_CHECK_SO_DROPS_PACKET, appliance, instance, dst()));
            }
            passed(crossing);
            // Out of the interface whose subnet holds the destination, else device 0 (the lowest index).
            Plug out = null;
            Plug fallback = null;
            for (Plug plug : hypervisor.plugsOf(instance)) { // by device index
                if (fallback == null) {
                    fallback = plug;
                }
                touch(FabricKey.router(plug.subnet()));
                Router router = fabric.router(plug.subnet());
                if (router != null && router.cidr().contains(dst)) {
                    out = plug;
                    break;
                }
            }
            boolean holds = out != null;
            if (out == null) {
                out = fallback;
            }
            hop(ComponentKind.INSTANCE, instance.value(), Action.FORWARDED, holds
                    ? Sentence.of(HOP_FORWARDS_SUBNET_HOLDS, instance, out.iface(), out.subnet(), dst())
                    : Sentence.of(HOP_FORWARDS_DEVICE, instance, out.iface(), out.deviceIndex()));
            return leave(hypervisor, out);
        }

        // ---------------------------------------------------------------- step 4: arrive

        private Trace arrive(Hypervisor hypervisor, Plug plug) {
            int crossing = cross(plug.iface(), Direction.IN);
            Trace stopped = receive(hypervisor, plug);
            if (stopped != null) {
                return stopped;
            }
            passed(crossing);
            return deliver(hypervisor, plug);
        }

        /** The receiving NIC and ingress groups; {@code null} when the packet gets through. */
        private Trace receive(Hypervisor hypervisor, Plug plug) {
            InterfaceId iface = plug.iface();
            touch(FabricKey.iface(iface));
            touch(FabricKey.platform(hypervisor.id()));
            NicState nic = hypervisor.nic(plug.nic());
            if (nic == null || !nic.up()) {
                hop(ComponentKind.NIC, plug.nic().value(), Action.DROPPED, Sentence.of(HOP_DOWN, plug.nic(),
                        hypervisor.id()));
                return end(Disposition.NIC_DOWN, plug.nic().value(), Sentence.of(DOWN_SO_CANNOT_RECEIVE_PACKET,
                        plug.nic(), hypervisor.id(), iface));
            }
            hop(ComponentKind.NIC, nic.id().value(), Action.RECEIVED, Sentence.of(HOP_RECEIVES_OVER, hypervisor.id(),
                    nic.id(), nic.macText(), iface));
            touch(FabricKey.partition(plug.partition()));
            PartitionTable table = fabric.partition(plug.partition());
            if (table == null) {
                hop(ComponentKind.INTERFACE, iface.value(), Action.DROPPED, Sentence.of(HOP_NOT_FABRIC,
                        plug.partition()));
                return end(Disposition.NO_ROUTE, plug.partition().value(),
                        Sentence.of(PARTITION_GONE_SO_PACKET_GOES_NOWHERE, plug.partition(), iface));
            }
            return filter(hypervisor, plug, table, true);
        }

        private Trace deliver(Hypervisor hypervisor, Plug plug) {
            NicState nic = hypervisor.nic(plug.nic());
            deliveredTo = plug.instance();
            deliveredInterface = plug.iface();
            hop(ComponentKind.INSTANCE, plug.instance().value(), Action.DELIVERED, Sentence.of(HOP_RECEIVES,
                    plug.instance(), plug.iface(), dst()));
            return end(Disposition.DELIVERED, plug.iface().value(), Sentence.of(RECEIVES_PACKET, plug.instance(),
                    dst(), plug.iface(), hypervisor.id(), nic.id(), nic.macText()));
        }

        // ---------------------------------------------------------------- security groups

        /**
         * Applies the groups loaded for a plugged record in one direction; {@code null} when some rule
         * of some group admits the packet (a PERMITTED hop is added), else the denied trace.
         */
        private Trace filter(Hypervisor hypervisor, Plug plug, PartitionTable table, boolean ingress) {
            InterfaceId iface = plug.iface();
            Disposition denial = ingress ? Disposition.DENIED_IN : Disposition.DENIED_OUT;
            List<SecurityGroupId> groups = hypervisor.loadedGroups(iface);
            if (groups == null) {
                hop(ComponentKind.INTERFACE, iface.value(), Action.DENIED,
                        Sentence.of(HOP_NO_SECURITY_GROUPS_LOADED_YET, iface, hypervisor.id()));
                return end(denial, iface.value(), Sentence.of(ingress ? GROUPS_NOT_LOADED_ACCEPTS_NOTHING
                        : GROUPS_NOT_LOADED_SENDS_NOTHING, iface, hypervisor.id()));
            }
            if (groups.isEmpty()) {
                hop(ComponentKind.INTERFACE, iface.value(), Action.PERMITTED,
                        Sentence.of(HOP_NO_SECURITY_GROUPS_NO_FILTERING, iface));
                return null;
            }
            Ipv4Address peer = ingress ? src : dst;
            for (int g = 0; g < groups.size(); g++) {
                SecurityGroupId group = groups.get(g);
                touch(FabricKey.group(group));
                GroupRules rules = table.groupRules(group);
                if (rules == null) {
                    continue;
                }
                List<Rule> list = rules.rules(ingress);
                for (int r = 0; r < list.size(); r++) {
                    Rule rule = list.get(r);
                    if (rule.admits(protocol, port) && peerMatches(rule.peer(), table, peer)) {
                        hop(ComponentKind.SECURITY_GROUP, group.value(), Action.PERMITTED, Sentence.of(ingress
                                ? HOP_INGRESS_ALLOWED : HOP_EGRESS_ALLOWED, iface, rules.ruleText(ingress, r)));
                        return null;
                    }
                }
            }
            return deny(plug, table, groups, ingress, peer);
        }

        private boolean peerMatches(RulePeer peer, PartitionTable table, Ipv4Address address) {
            if (peer.cidr() != null) {
                return peer.cidr().contains(address);
            }
            touch(FabricKey.address(table.id(), address));
            MappingEntry owner = table.mappingAt(address);
            if (owner == null) {
                return false;
            }
            touch(FabricKey.iface(owner.iface()));
            List<SecurityGroupId> groups = fabric.loadedGroupsOf(owner.iface());
            return groups != null && groups.contains(peer.group());
        }

        private Trace deny(Plug plug, PartitionTable table, List<SecurityGroupId> groups, boolean ingress,
                           Ipv4Address peer) {
            InterfaceId iface = plug.iface();
            List<Sentence> why = new ArrayList<>();
            List<Sentence> groupRules = new ArrayList<>();
            boolean anyRule = false;
            for (SecurityGroupId group : groups) {
                GroupRules rules = table.groupRules(group);
                if (rules == null) {
                    why.add(Sentence.of(HOP_GROUP_NOT_DEFINED_IN, group, table.id()));
                    groupRules.add(Sentence.of(GROUP_NOT_DEFINED, group));
                    continue;
                }
                List<Rule> list = rules.rules(ingress);
                if (list.isEmpty()) {
                    why.add(Sentence.of(ingress ? HOP_GROUP_NO_INGRESS_RULES : HOP_GROUP_NO_EGRESS_RULES, group));
                    groupRules.add(Sentence.of(ingress ? GROUP_HAS_NO_INGRESS_RULES : GROUP_HAS_NO_EGRESS_RULES,
                            group));
                    continue;
                }
                anyRule = true;
                StringJoiner allowed = new StringJoiner(", ");
                List<Sentence> misses = new ArrayList<>();
                for (Rule rule : list) {
                    misses.add(Sentence.of(HOP_RULE_MISSES, rule, mismatch(rule, table, peer)));
                    allowed.add(rule.toString());
                }
                why.add(Sentence.of(HOP_GROUP_RULES, group, Sentence.join(LIST_SEPARATOR, misses)));
                groupRules.add(Sentence.of(GROUP_ALLOWS_ONLY, group, allowed));
            }
            SecurityGroupId first = groups.get(0);
            deniedBy = first;
            Sentence packet = packetShort();
            hop(ComponentKind.SECURITY_GROUP, first.value(), Action.DENIED, Sentence.of(ingress
                    ? HOP_NO_INGRESS_RULE_ADMITS : HOP_NO_EGRESS_RULE_ADMITS, packet, peer,
                            Sentence.join(RULES_SEPARATOR, why)));
            String groupNames = groups.size() == 1 ? first.value() : groups.toString();
            Sentence sentence = Sentence.of(ingress ? NO_INGRESS_RULE_ADMITS : NO_EGRESS_RULE_ADMITS, iface, packet,
                    peer,
                    groupNames, Sentence.join(RULES_SEPARATOR, groupRules));
            if (!anyRule && groups.size() == 1) {
                sentence = Sentence.of(ingress ? NOT_ACCEPTED_NO_INGRESS_RULES : NOT_SENT_NO_EGRESS_RULES, iface,
                        packet,
                        peer, first);
            }
            return end(ingress ? Disposition.DENIED_IN : Disposition.DENIED_OUT, first.value(), sentence);
        }

        private Sentence mismatch(Rule rule, PartitionTable table, Ipv4Address peer) {
            if (!rule.protocol().matches(protocol)) {
                return Sentence.of(MISMATCH_PROTOCOL, protocol);
            }
            if (protocol.hasPorts() && !rule.ports().contains(port)) {
                return Sentence.of(MISMATCH_PORT, port, rule.ports());
            }
            RulePeer rulePeer = rule.peer();
            if (rulePeer.cidr() != null) {
                return Sentence.of(MISMATCH_CIDR, peer, rulePeer.cidr());
            }
            MappingEntry owner = table.mappingAt(peer);
            return owner == null ? Sentence.of(MISMATCH_NO_RECORD, peer, table.id())
                    : Sentence.of(MISMATCH_GROUP, peer, owner.iface(), rulePeer.group());
        }

        // ---------------------------------------------------------------- bookkeeping

        private String src() {
            if (srcText == null) {
                srcText = src.toString();
            }
            return srcText;
        }

        private String dst() {
            if (dstText == null) {
                dstText = dst.toString();
            }
            return dstText;
        }

        private void setSrc(Ipv4Address address) {
            src = address;
            srcText = null;
        }

        private void setDst(Ipv4Address address) {
            dst = address;
            dstText = null;
        }

        private Sentence packet() {
            return protocol.hasPorts() ? Sentence.of(PACKET_WITH_PORTS, protocol, flow.sourcePort(), port, dst())
                    : Sentence.of(PACKET, protocol, dst());
        }

        private Sentence packetShort() {
            return protocol.hasPorts() ? Sentence.of(PROTOCOL_PORT, protocol,
                    port) : Sentence.verbatim(protocol.toString());
        }

        private void hop(ComponentKind kind, String id, Action action, Sentence detail) {
            hops.add(new Hop(hops.size() + 1, kind, id, action, detail, src, dst));
        }

        private void touch(FabricKey key) {
            touched.add(key);
        }

        private int cross(InterfaceId iface, Direction direction) {
            crossings.add(new Crossing(iface, direction, false));
            return crossings.size() - 1;
        }

        private void passed(int index) {
            Crossing c = crossings.get(index);
            crossings.set(index, new Crossing(c.iface(), c.direction(), true));
        }

        private Trace end(Disposition disposition, String decidingObject, Sentence sentence) {
            Set<InstanceId> lands = disposition == Disposition.DELIVERED ? Set.copyOf(landing) : Set.of();
            return new Trace(flow, disposition, hops, new Explanation(disposition, decidingObject, sentence), crossings,
                    lands, deliveredTo, deliveredInterface, disposition == Disposition.DELIVERED ? null : deniedBy,
                    exit, touched);
        }
    }
}
