package org.viflab.fabric;

import static org.viflab.fabric.TestTopology.route;
import static org.viflab.fabric.TestTopology.rule;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.viflab.model.InstanceState;
import org.viflab.model.Rule;
import org.viflab.model.Topology;

/**
 * Random but valid topologies from a seed: a few partitions (some with gateways), subnets with extra
 * routes (internet, VPN, blackhole, appliance), groups, platforms with NICs up or down, instances in
 * every state, placed or not, and records with several addresses, public addresses and attachments
 * (multi-attach included).
 */
final class RandomTopologies {

    private RandomTopologies() {
    }

    static Topology generate(long seed) {
        Random random = new Random(seed);
        TestTopology t = new TestTopology();
        int partitions = 1 + random.nextInt(3);
        List<String> subnets = new ArrayList<>();
        Map<String, String> subnetPartition = new HashMap<>();
        Map<String, Integer> subnetBase = new HashMap<>();
        List<String> groups = new ArrayList<>();
        for (int p = 0; p < partitions; p++) {
            String pid = "vpc-" + p;
            t.partition(pid, "10." + p + ".0.0/16", random.nextBoolean(),
                    random.nextInt(3) == 0 ? "192.168." + p + ".0/24" : null);
            int subnetCount = 1 + random.nextInt(3);
            for (int s = 0; s < subnetCount; s++) {
                String sid = pid + "-s" + s;
                t.subnet(sid, pid, "10." + p + "." + s + ".0/24");
                subnets.add(sid);
                subnetPartition.put(sid, pid);
                subnetBase.put(sid, p * 256 + s);
            }
            groups.add(pid + "-default");
            int groupCount = random.nextInt(3);
            for (int g = 0; g < groupCount; g++) {
                String gid = "sg-" + p + "-" + g;
                List<Rule> ingress = new ArrayList<>();
                for (int r = random.nextInt(3); r > 0; r--) {
                    ingress.add(randomRule(random, pid));
                }
                List<Rule> egress = random.nextInt(4) == 0 ? List.of() : TestTopology.allEgress();
                t.group(gid, pid, ingress, egress);
                groups.add(gid);
            }
        }
        int platforms = 1 + random.nextInt(3);
        List<String> platformIds = new ArrayList<>();
        for (int h = 0; h < platforms; h++) {
            String hid = "host-" + h;
            int nics = 1 + random.nextInt(2);
            String[] specs = new String[nics];
            for (int n = 0; n < nics; n++) {
                specs[n] = "nic-" + h + "-" + n + "=02:00:00:00:" + String.format("%02x:%02x", h, n)
                        + (random.nextInt(5) == 0 ? ":down" : "");
            }
            t.platform(hid, specs);
            platformIds.add(hid);
        }
        int instances = random.nextInt(6);
        List<String> instanceIds = new ArrayList<>();
        InstanceState[] states = {InstanceState.PENDING, InstanceState.RUNNING, InstanceState.RUNNING,
            InstanceState.STOPPED};
        for (int i = 0; i < instances; i++) {
            String iid = "vm-" + i;
            String platform = random.nextInt(4) == 0 ? null : platformIds.get(random.nextInt(platforms));
            t.instance(iid, platform, states[random.nextInt(states.length)]);
            instanceIds.add(iid);
        }
        int records = random.nextInt(10);
        Map<String, Integer> nextHost = new HashMap<>();
        Map<String, Integer> nextDevice = new HashMap<>();
        int publicSequence = 1;
        List<String> recordIds = new ArrayList<>();
        for (int r = 0; r < records; r++) {
            String rid = "vif-" + r;
            String sid = subnets.get(random.nextInt(subnets.size()));
            int base = subnetBase.get(sid);
            int addressCount = 1 + random.nextInt(3);
            String[] ips = new String[addressCount];
            for (int a = 0; a < addressCount; a++) {
                int host = nextHost.merge(sid, 1, Integer::sum) + 3;
                ips[a] = "10." + (base / 256) + "." + (base % 256) + "." + host;
            }
            t.iface(rid, sid, ips);
            recordIds.add(rid);
            String pid = subnetPartition.get(sid);
            List<String> own = groups.stream().filter(g -> g.startsWith(pid + "-") || g.startsWith("sg-" + pid.substring(4) + "-")).toList();
            t.groups(rid, own.get(random.nextInt(own.size())));
            if (random.nextInt(3) == 0) {
                t.publicIps(rid, "203.0.113." + publicSequence++);
            }
            t.sourceDestCheck(rid, random.nextInt(4) != 0);
            boolean multi = random.nextInt(5) == 0;
            if (multi) {
                t.multiAttach(rid);
            }
            if (!instanceIds.isEmpty() && random.nextInt(3) != 0) {
                int attachments = multi ? 1 + random.nextInt(Math.min(3, instanceIds.size())) : 1;
                List<String> shuffled = new ArrayList<>(instanceIds);
                java.util.Collections.shuffle(shuffled, random);
                for (int a = 0; a < attachments; a++) {
                    String iid = shuffled.get(a);
                    t.attach(rid, iid, nextDevice.merge(iid, 1, Integer::sum) - 1);
                }
            }
        }
        for (String sid : subnets) {
            List<org.viflab.model.Route> routes = new ArrayList<>();
            if (random.nextBoolean()) {
                routes.add(route("0.0.0.0/0", "internet"));
            }
            if (random.nextInt(3) == 0) {
                routes.add(route("192.168.0.0/16", "vpn"));
            }
            if (random.nextInt(4) == 0) {
                routes.add(route("172.16.0.0/12", "blackhole"));
            }
            if (!recordIds.isEmpty() && random.nextInt(3) == 0) {
                routes.add(route("10.200.0.0/16", recordIds.get(random.nextInt(recordIds.size()))));
            }
            t.routes(sid, routes.toArray(new org.viflab.model.Route[0]));
        }
        return t.build();
    }

    private static Rule randomRule(Random random, String partition) {
        return switch (random.nextInt(4)) {
            case 0 -> rule("tcp", "80,443", "0.0.0.0/0");
            case 1 -> rule("udp", "53", "10.0.0.0/8");
            case 2 -> rule("icmp", null, partition + "-default");
            default -> rule("all", null, "192.168.0.0/16");
        };
    }
}
