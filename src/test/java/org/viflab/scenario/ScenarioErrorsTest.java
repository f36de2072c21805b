package org.viflab.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Every kind of file error names the file, the line and column of the offending key, and the key. */
class ScenarioErrorsTest {

    /** A valid topology to break: lines 1–22. */
    private static final String HEAD = """
            scenario: Errors
            principals: [alice]
            topology:
              partitions:
                - {id: vpc-a, owner: alice, cidr: 10.0.0.0/16}
              subnets:
                - id: web
                  partition: vpc-a
                  cidr: 10.0.1.0/24
                  zone: zone-1
              securityGroups:
                - id: sg-web
                  partition: vpc-a
                  ingress: [{protocol: tcp, ports: 80, peer: 0.0.0.0/0}]
              platforms:
                - {id: host-a, zone: zone-1, nics: [{id: nic-a1}]}
              instances:
                - id: vm-1
                  type: t3.micro
                  zone: zone-1
                  platform: host-a
                  interfaces: [{id: vm-1-eth0, subnet: web}]
            """;

    private static ScenarioException error(String name, String text) {
        try {
            ScenarioReader.parse(name, text);
        } catch (ScenarioException e) {
            return e;
        }
        throw new AssertionError("no error for:\n" + text);
    }

    private static String message(String text) {
        return error("lab.yaml", text).getMessage();
    }

    @Test
    void theBaseTopologyIsValid() {
        assertThat(ScenarioReader.parse("lab.yaml", HEAD).topology().instances()).hasSize(1);
    }

    @Test
    void exceptionCarriesItsParts() {
        ScenarioException e = error("lab.yaml", HEAD.replace("      zone: zone-1\n  securityGroups",
                "      zone: zone-1\n      colour: red\n  securityGroups"));
        assertThat(e.source()).isEqualTo("lab.yaml");
        assertThat(e.line()).isEqualTo(11);
        assertThat(e.column()).isEqualTo(7);
        assertThat(e.reason()).startsWith("topology.subnets[0].colour: unknown key 'colour'");
        assertThat(e.getMessage()).startsWith("lab.yaml:11:7: topology.subnets[0].colour: unknown key 'colour'");
    }

    @Test
    void unknownKeyNamesItAndSuggestsTheClosest() {
        assertThat(message(HEAD.replace("      partition: vpc-a\n      cidr: 10.0.1.0/24",
                "      partiton: vpc-a\n      cidr: 10.0.1.0/24")))
                .isEqualTo("lab.yaml:8:7: topology.subnets[0].partiton: unknown key 'partiton' (did you mean "
                        + "'partition'?); expected one of: id, partition, cidr, zone, routes");
        assertThat(message("scenario: x\nstep: []\n"))
                .startsWith("lab.yaml:2:1: step: unknown key 'step' (did you mean 'steps'?)");
        assertThat(message("scenario: x\nsteps:\n  - attatch: {interface: a, instance: b}\n"))
                .startsWith("lab.yaml:3:5: steps[0].attatch: unknown key 'attatch' (did you mean 'attach'?)");
        assertThat(message("scenario: x\nsteps:\n  - attach: {interface: a, instance: b, device: 1}\n"))
                .startsWith("lab.yaml:3:41: steps[0].attach.device: unknown key 'device'");
        assertThat(message("scenario: x\nsteps:\n  - describe: {kind: interfaces}\n    expect: {idz: [a]}\n"))
                .startsWith("lab.yaml:4:14: steps[0].expect.idz: unknown key 'idz' (did you mean 'ids'?)");
    }

    @Test
    void wrongTypesAreNotCoerced() {
        assertThat(message("scenario: x\nprincipals: alice\n"))
                .isEqualTo("lab.yaml:2:1: principals: expected a list, found text");
        assertThat(message("scenario: [a, b]\n"))
                .isEqualTo("lab.yaml:1:1: scenario: expected text, found a list");
        assertThat(message("scenario: 12\n"))
                .isEqualTo("lab.yaml:1:1: scenario: expected text, found a number");
        assertThat(message(HEAD.replace("interfaces: [{id: vm-1-eth0, subnet: web}]",
                "interfaces: [{id: vm-1-eth0, subnet: web, privateIps: 10.0.1.9}]")))
                .isEqualTo("lab.yaml:22:49: topology.instances[0].interfaces[0].privateIps: expected a list, found text");
        assertThat(message(HEAD + "watch:\n  - {name: w, from: vm-1, to: vm-1, protocol: tcp, port: \"80\"}\n"))
                .isEqualTo("lab.yaml:24:52: watch[0].port: expected a whole number, found text");
        assertThat(message(HEAD.replace("nics: [{id: nic-a1}]", "nics: [{id: nic-a1}], capacity: 2.5")))
                .isEqualTo("lab.yaml:16:56: topology.platforms[0].capacity: expected a whole number, found a number");
        assertThat(message(HEAD.replace("- {id: vpc-a, owner: alice, cidr: 10.0.0.0/16}",
                "- {id: vpc-a, owner: alice, cidr: 10.0.0.0/16, internetGateway: yes}")))
                .isEqualTo("lab.yaml:5:52: topology.partitions[0].internetGateway: expected true or false, found text");
        assertThat(message("scenario: x\ntopology:\n  subnets: {id: web}\n"))
                .isEqualTo("lab.yaml:3:3: topology.subnets: expected a list, found a mapping");
        assertThat(message("scenario: x\noptions: stepwise\n"))
                .isEqualTo("lab.yaml:2:1: options: expected a mapping, found text");
        assertThat(message("- scenario: x\n"))
                .isEqualTo("lab.yaml:1:1: (top level): expected a mapping with a 'scenario' key, found a list");
    }

    @Test
    void missingRequiredKeyPointsAtItsMapping() {
        assertThat(message("description: no title\n"))
                .isEqualTo("lab.yaml:1:1: (top level): missing required key 'scenario'");
        assertThat(message(HEAD.replace("      cidr: 10.0.1.0/24\n", "")))
                .isEqualTo("lab.yaml:7:7: topology.subnets[0]: missing required key 'cidr'");
        assertThat(message("scenario: x\nsteps:\n  - narration: attach what?\n    attach: {instance: vm-1}\n"))
                .isEqualTo("lab.yaml:4:5: steps[0].attach: missing required key 'interface'");
        assertThat(message("scenario: x\nwatch: [{name: w, from: internet, protocol: tcp}]\n"))
                .isEqualTo("lab.yaml:2:9: watch[0]: missing required key 'to'");
    }

    @Test
    void badAddressTextInTheTopologyIsAFileError() {
        assertThat(message(HEAD.replace("cidr: 10.0.1.0/24", "cidr: 10.0.1.0/33")))
                .startsWith("lab.yaml:9:7: topology.subnets[0].cidr: '10.0.1.0/33' is not");
        assertThat(message(HEAD.replace("{id: vm-1-eth0, subnet: web}", "{id: vm-1-eth0, subnet: web, privateIps: [10.0.1.300]}")))
                .isEqualTo("lab.yaml:22:62: topology.instances[0].interfaces[0].privateIps[0]: '10.0.1.300' is not an IPv4 address");
        assertThat(message(HEAD.replace("{id: nic-a1}", "{id: nic-a1, mac: \"02:00:00:00:0a\"}")))
                .startsWith("lab.yaml:16:54: topology.platforms[0].nics[0].mac: '02:00:00:00:0a' is not a MAC address");
        assertThat(message(HEAD.replace("ports: 80,", "ports: 80-70,")))
                .startsWith("lab.yaml:14:33: topology.securityGroups[0].ingress[0].ports: '80-70' is not a valid port range");
        assertThat(message(HEAD.replace("ports: 80,", "ports: {from: 80},")))
                .startsWith("lab.yaml:14:33: topology.securityGroups[0].ingress[0].ports: expected a port N, a range N-M");
        assertThat(message(HEAD.replace("protocol: tcp", "protocol: sctp")))
                .isEqualTo("lab.yaml:14:18: topology.securityGroups[0].ingress[0].protocol: 'sctp' is not a protocol "
                        + "(tcp, udp, icmp or all)");
        assertThat(message(HEAD + "watch:\n  - {name: w, from: vm-1, to: 10.0.1.999, protocol: tcp, port: 80}\n"))
                .isEqualTo("lab.yaml:24:27: watch[0].to: '10.0.1.999' is not an IPv4 address");
    }

    @Test
    void aStepNeedsExactlyOneRequestKey() {
        assertThat(message("scenario: x\nsteps:\n  - narration: nothing to do\n    expect: {ok: true}\n"))
                .startsWith("lab.yaml:3:5: steps[0]: a step needs one request key: createPartition, deletePartition,");
        assertThat(message("scenario: x\nsteps:\n  - start: {instance: vm-1}\n    stop: {instance: vm-1}\n"))
                .isEqualTo("lab.yaml:4:5: steps[0].stop: a step has exactly one request key; this one has start and stop");
        assertThat(message("scenario: x\nsteps:\n  - propagate: all\n    as: alice\n"))
                .isEqualTo("lab.yaml:4:5: steps[0].as: 'as' applies to coordinator requests, not to propagate");
        assertThat(message("scenario: x\nsteps:\n  - propagate: {steps: 0}\n"))
                .startsWith("lab.yaml:3:17: steps[0].propagate.steps: expected a whole number of at least 1");
        assertThat(message("scenario: x\nsteps:\n  - propagate: some\n"))
                .isEqualTo("lab.yaml:3:5: steps[0].propagate: expected {steps: N} or all, found 'some'");
    }

    @Test
    void duplicateIdsWithinAKindAreRefused() {
        assertThat(message(HEAD.replace("  securityGroups:",
                "    - {id: web, partition: vpc-a, cidr: 10.0.2.0/24, zone: zone-1}\n  securityGroups:")))
                .isEqualTo("lab.yaml:11:8: topology.subnets[1].id: duplicate subnet id 'web' (first at topology.subnets[0])");
        assertThat(message(HEAD + "  interfaces: [{id: vm-1-eth0, subnet: web}]\n"))
                .isEqualTo("lab.yaml:23:17: topology.interfaces[0].id: duplicate interface id 'vm-1-eth0' "
                        + "(first at topology.instances[0].interfaces[0])");
        assertThat(message(HEAD.replace("principals: [alice]", "principals: [alice, alice]")))
                .isEqualTo("lab.yaml:2:21: principals[1]: duplicate principal 'alice'");
        assertThat(message(HEAD + "watch:\n  - {name: w, from: vm-1, to: vm-1, protocol: tcp}\n"
                + "  - {name: w, from: vm-1, to: vm-1, protocol: udp}\n"))
                .isEqualTo("lab.yaml:25:6: watch[1].name: duplicate watched flow 'w'");
        assertThat(message("scenario: x\nscenario: y\n"))
                .isEqualTo("lab.yaml:2:1: scenario: duplicate key 'scenario'");
        assertThat(message(HEAD.replace("id: sg-web", "id: vpc-a-default").replace("peer: 0.0.0.0/0}]", "peer: 0.0.0.0/0}]\n    - {id: vpc-a-default, partition: vpc-a}")))
                .startsWith("lab.yaml:15:8: topology.securityGroups[1].id: duplicate security group id 'vpc-a-default'");
    }

    @Test
    void danglingReferencesInTheTopologyAreRefused() {
        assertThat(message(HEAD.replace("      partition: vpc-a\n      cidr: 10.0.1.0/24", "      partition: vpc-z\n      cidr: 10.0.1.0/24")))
                .isEqualTo("lab.yaml:8:7: topology.subnets[0].partition: unknown partition 'vpc-z'");
        assertThat(message(HEAD.replace("subnet: web}]", "subnet: db}]")))
                .isEqualTo("lab.yaml:22:36: topology.instances[0].interfaces[0].subnet: unknown subnet 'db'");
        assertThat(message(HEAD.replace("subnet: web}]", "subnet: web, securityGroups: [sg-db]}]")))
                .isEqualTo("lab.yaml:22:66: topology.instances[0].interfaces[0].securityGroups[0]: unknown security group 'sg-db'");
        assertThat(message(HEAD.replace("platform: host-a", "platform: host-z")))
                .isEqualTo("lab.yaml:21:7: topology.instances[0].platform: unknown platform 'host-z'");
        assertThat(message(HEAD.replace("peer: 0.0.0.0/0", "peer: sg-app")))
                .isEqualTo("lab.yaml:14:44: topology.securityGroups[0].ingress[0].peer: unknown security group 'sg-app'");
        assertThat(message(HEAD.replace("      zone: zone-1\n  securityGroups", "      zone: zone-1\n      routes: [{to: 172.16.0.0/12, via: fw-eth0}]\n  securityGroups")))
                .startsWith("lab.yaml:11:36: topology.subnets[0].routes[0].via: unknown interface 'fw-eth0'");
        assertThat(message(HEAD.replace("    - id: vm-1\n", "    - id: vm-1\n      owner: carol\n")))
                .isEqualTo("lab.yaml:19:7: topology.instances[0].owner: unknown principal 'carol' (declare it under principals)");
    }

    @Test
    void topologyRangesAreCheckedWhenRead() {
        assertThat(message(HEAD.replace("cidr: 10.0.1.0/24", "cidr: 10.1.1.0/24")))
                .isEqualTo("lab.yaml:9:7: topology.subnets[0].cidr: 10.1.1.0/24 is not inside partition vpc-a (10.0.0.0/16)");
        assertThat(message(HEAD.replace("{id: vm-1-eth0, subnet: web}", "{id: vm-1-eth0, subnet: web, privateIps: [10.0.1.2]}")))
                .isEqualTo("lab.yaml:22:62: topology.instances[0].interfaces[0].privateIps[0]: 10.0.1.2 is one of the "
                        + "five addresses reserved in 10.0.1.0/24");
        assertThat(message(HEAD.replace("{id: vm-1-eth0, subnet: web}", "{id: vm-1-eth0, subnet: web, securityGroups: []}")))
                .startsWith("lab.yaml:22:49: topology.instances[0].interfaces[0].securityGroups: only a requester-managed");
        assertThat(message(HEAD.replace("      interfaces: [{id: vm-1-eth0, subnet: web}]\n", "")))
                .isEqualTo("lab.yaml:18:7: topology.instances[0]: an instance is launched with at least one interface (device 0)");
    }

    @Test
    void expectationsNameWatchedFlowsAndKnownCodes() {
        String watch = HEAD + "watch: [{name: web, from: internet, to: vm-1, protocol: tcp, port: 80}]\nsteps:\n";
        assertThat(message(watch + "  - stop: {instance: vm-1}\n    expect: {lands: {wbe: nowhere}}\n"))
                .isEqualTo("lab.yaml:26:22: steps[0].expect.lands.wbe: no watched flow is named 'wbe' (did you mean 'web'?)");
        assertThat(message(watch + "  - stop: {instance: vm-1}\n    expect: {error: InvalidInstanceId.NotFound}\n"))
                .isEqualTo("lab.yaml:26:14: steps[0].expect.error: unknown error code 'InvalidInstanceId.NotFound' "
                        + "(did you mean 'InvalidInstanceID.NotFound'?)");
        assertThat(message(watch + "  - stop: {instance: vm-1}\n    expect: {disposition: DELIVERED}\n"))
                .startsWith("lab.yaml:26:14: steps[0].expect.disposition: a single disposition is for a trace step");
        assertThat(message(watch + "  - stop: {instance: vm-1}\n    expect: {disposition: {web: LANDED}}\n"))
                .startsWith("lab.yaml:26:28: steps[0].expect.disposition.web: 'LANDED' is not a disposition");
        assertThat(message(watch + "  - stop: {instance: vm-1}\n    expect: {deliveredTo: vm-1}\n"))
                .isEqualTo("lab.yaml:26:14: steps[0].expect.deliveredTo: 'deliveredTo' is expected of a trace step only");
        assertThat(message(watch + "  - stop: {instance: vm-1}\n    expect: {configOps: [\"hypervisor@host-a\"]}\n"))
                .startsWith("lab.yaml:26:26: steps[0].expect.configOps[0]: write a configuration operation as '<target> <action>'");
        assertThat(message(watch + "  - stop: {instance: vm-1}\n    expect: {ok: true, error: IncorrectInstanceState}\n"))
                .isEqualTo("lab.yaml:26:14: steps[0].expect.ok: 'ok: true' contradicts 'error'");
    }

    @Test
    void nullsAndSyntaxErrorsAreLocated() {
        assertThat(message("scenario: x\nprincipals: [alice, ~]\n"))
                .isEqualTo("lab.yaml:2:21: principals[1]: has no value");
        assertThat(message("scenario: x\ntopology:\n  partitions: [{id: a\n"))
                .isEqualTo("lab.yaml:4:1: YAML syntax: expected ',' or '}', but got <stream end> (while parsing a flow mapping)");
        assertThat(error("lab.json", "{\"scenario\": \"x\",\n \"steps\": [ }").getMessage())
                .startsWith("lab.json:2:13: JSON syntax:");
        assertThat(message("")).isEqualTo("lab.yaml:1:1: the file is empty");
        assertThat(message("scenario: x\n---\nscenario: y\n"))
                .startsWith("lab.yaml:3:1: a file holds one document");
        assertThat(message("scenario: !include other.yaml\n"))
                .startsWith("lab.yaml:1:11: YAML tag !include is not supported");
    }

    @Test
    void jsonErrorsAreLocatedToo() {
        String json = """
                {
                  "scenario": "x",
                  "topology": {
                    "subnets": [
                      {"id": "web", "partition": "vpc-a", "cidr": "10.0.1.0/24", "zone": "z", "route": []}
                    ]
                  }
                }
                """;
        assertThat(error("lab.json", json).getMessage())
                .startsWith("lab.json:5:79: topology.subnets[0].route: unknown key 'route' (did you mean 'routes'?)");
        assertThat(error("lab.json", json.replace(", \"route\": []", "")).getMessage())
                .isEqualTo("lab.json:5:21: topology.subnets[0].partition: unknown partition 'vpc-a'");
        assertThat(error("lab.json", "{\"scenario\": \"x\", \"principals\": \"alice\"}").getMessage())
                .isEqualTo("lab.json:1:19: principals: expected a list, found text");
    }
}
