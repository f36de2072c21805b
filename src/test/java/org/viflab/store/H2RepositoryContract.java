package org.viflab.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.viflab.model.AttachmentId.attachmentId;
import static org.viflab.model.InstanceId.instanceId;
import static org.viflab.model.InterfaceId.interfaceId;
import static org.viflab.model.NicId.nicId;
import static org.viflab.model.PartitionId.partitionId;
import static org.viflab.model.PlatformId.platformId;
import static org.viflab.model.SecurityGroupId.securityGroupId;
import static org.viflab.model.SubnetId.subnetId;
import static org.viflab.net.Ipv4Address.ipv4;
import static org.viflab.net.Ipv4Prefix.cidr;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.viflab.coordinator.JournalEntry;
import org.viflab.coordinator.Repository.ConcurrentChangeException;
import org.viflab.coordinator.Repository.StoreException;
import org.viflab.model.Attachment;
import org.viflab.model.InstanceState;
import org.viflab.model.InterfaceRecord;
import org.viflab.model.Partition;
import org.viflab.model.PhysicalNic;
import org.viflab.model.Route;
import org.viflab.model.RouteTarget;
import org.viflab.model.Rule;
import org.viflab.model.RulePeer;
import org.viflab.model.SecurityGroup;
import org.viflab.model.ServicePlatform;
import org.viflab.model.Subnet;
import org.viflab.model.Topology;
import org.viflab.net.Protocol;

/**
 * What every H2 lab must do, whatever its storage: the same tests run on an in-memory database and
 * on a file (see the subclasses).
 */
abstract class H2RepositoryContract {

    H2Repository repository;

    /** A new, empty lab. */
    abstract H2Repository newRepository();

    @BeforeEach
    void openLab() {
        repository = newRepository();
    }

    @AfterEach
    void closeLab() {
        repository.close();
    }

    private Topology commitRich() {
        return Labs.commit(repository, Topology.empty(), "build the rich lab", Labs::rich);
    }

    /** Counts rows through a connection of its own, to see what is really in the database. */
    long count(String sql) {
        try (Connection c = DriverManager.getConnection(repository.url(), "sa", "");
             ResultSet rs = c.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new AssertionError(sql, e);
        }
    }

    /** Runs a statement through a connection of its own (test set-up only). */
    void execute(String sql) {
        try (Connection c = DriverManager.getConnection(repository.url(), "sa", "")) {
            c.createStatement().execute(sql);
        } catch (SQLException e) {
            throw new AssertionError(sql, e);
        }
    }

    // ---- reading back ----------------------------------------------------------------------------

    @Test
    void emptyLabLoadsAsTheEmptyTopology() {
        assertThat(repository.load()).isEqualTo(Topology.empty());
        assertThat(repository.version()).isZero();
        assertThat(repository.journal()).isEmpty();
        assertThat(repository.schemaVersion()).isEqualTo(3);
    }

    @Test
    void richTopologyReadsBackEqual() {
        Topology committed = commitRich();

        Topology loaded = repository.load();

        assertThat(loaded).isEqualTo(committed);
        assertThat(loaded.version()).isEqualTo(1);
        assertThat(loaded.idSequence()).isEqualTo(17);
        // Order-carrying lists, spelled out so a failure says which one.
        InterfaceRecord web = loaded.iface(interfaceId("vif-web")).orElseThrow();
        assertThat(web.privateIps()).containsExactly(ipv4("10.0.1.20"), ipv4("10.0.1.9"), ipv4("10.0.1.30"));
        assertThat(web.primaryIp()).isEqualTo(ipv4("10.0.1.20"));
        assertThat(web.securityGroups()).containsExactly(securityGroupId("sg-web"), securityGroupId("sg-admin"));
        assertThat(web.publicIps()).isEqualTo(Labs.vifWeb().publicIps());
        assertThat(web.tags()).containsEntry("empty", "");
        assertThat(loaded.platform(platformId("host-a")).orElseThrow().nics())
                .extracting(PhysicalNic::id).containsExactly(nicId("nic-a2"), nicId("nic-a1"));
        assertThat(loaded.securityGroup(securityGroupId("sg-web")).orElseThrow().ingress())
                .isEqualTo(Labs.sgWeb().ingress());
        assertThat(loaded.securityGroup(securityGroupId("sg-admin")).orElseThrow().egress()).isEmpty();
        assertThat(loaded.subnet(subnetId("subnet-a1")).orElseThrow().routes()).contains(
                new Route(cidr("10.7.0.0/16"), RouteTarget.appliance(interfaceId("local"))));
    }

    @Test
    void rewritingAnObjectReplacesItsRows() {
        Topology before = commitRich();

        Topology after = Labs.commit(repository, before, "change everything a little", b -> {
            InterfaceRecord.Builder web = Labs.vifWeb().toBuilder();
            web.privateIps = List.of(ipv4("10.0.1.30"), ipv4("10.0.1.20"));
            web.publicIps = List.of();
            web.securityGroups = List.of(securityGroupId("sg-admin"));
            web.attachers = Set.of();
            web.ipSetters = Set.of(Labs.CAROL);
            web.tags = Map.of("role", "web");
            web.vlan = OptionalInt.empty();
            web.multiAttach = false;
            web.description = "";
            b.putInterface(web.build());
            SecurityGroup sg = Labs.sgWeb();
            b.putSecurityGroup(sg.withRules(List.of(sg.ingress().get(2), sg.ingress().get(0)), List.of()));
            b.putPlatform(Labs.hostA().withNic(new PhysicalNic(nicId("nic-a1"), Labs.hostA().nics().get(1).mac(), true)));
            b.putInstance(Labs.vm("vm-2", Optional.of("host-b"), InstanceState.RUNNING, Map.of("placed", "yes")));
            b.putSubnet(Labs.subnetA1().withRoutes(List.of(new Route(cidr("10.8.0.0/16"), RouteTarget.VPN))));
            Partition a = Labs.vpcA();
            b.putPartition(new Partition(a.id(), a.owner(), a.cidr(), false, Optional.empty(), a.defaultGroup()));
            Attachment att = before.attachment(attachmentId("att-1")).orElseThrow();
            b.putAttachment(att.withDeleteOnTermination(false));
            b.idSequence(42);
        });

        assertThat(repository.load()).isEqualTo(after);
        assertThat(count("SELECT COUNT(*) FROM interface_private_ips WHERE interface_id = 'vif-web'")).isEqualTo(2);
        assertThat(count("SELECT COUNT(*) FROM interface_public_ips WHERE interface_id = 'vif-web'")).isZero();
        assertThat(count("SELECT COUNT(*) FROM security_group_rules WHERE group_id = 'sg-web'")).isEqualTo(2);
    }

    @Test
    void removingObjectsDeletesThemAndTheirRows() {
        Topology before = commitRich();

        Topology after = Labs.commit(repository, before, "tear down vpc-b and a few more", b -> b
                .removeAttachment(attachmentId("att-2"))
                .removeAttachment(attachmentId("att-4"))
                .removeInterface(interfaceId("vif-b"))
                .removeSecurityGroup(securityGroupId("vpc-b-default"))
                .removeSubnet(subnetId("subnet-b1"))
                .removePartition(partitionId("vpc-b")));

        Topology loaded = repository.load();
        assertThat(loaded).isEqualTo(after);
        assertThat(loaded.attachments()).containsOnlyKeys(attachmentId("att-1"), attachmentId("att-3"));
        assertThat(loaded.partitions()).containsOnlyKeys(partitionId("vpc-a"));
        for (String table : List.of("interface_private_ips", "interface_public_ips", "interface_security_groups",
                "interface_attachers", "interface_ip_setters", "interface_tags")) {
            assertThat(count("SELECT COUNT(*) FROM " + table + " WHERE interface_id = 'vif-b'")).as(table).isZero();
        }
        assertThat(count("SELECT COUNT(*) FROM subnet_routes WHERE subnet_id = 'subnet-b1'")).isZero();
        assertThat(count("SELECT COUNT(*) FROM security_group_rules WHERE group_id = 'vpc-b-default'")).isZero();
    }

    @Test
    void touchedIdMissingFromTheSnapshotIsDeletedWhateverItsKind() {
        Topology rich = commitRich();
        Set<Object> everything = new HashSet<>();
        everything.addAll(rich.principals());
        everything.addAll(rich.partitions().keySet());
        everything.addAll(rich.subnets().keySet());
        everything.addAll(rich.securityGroups().keySet());
        everything.addAll(rich.platforms().keySet());
        everything.addAll(rich.instances().keySet());
        everything.addAll(rich.interfaces().keySet());
        everything.addAll(rich.attachments().keySet());
        // The empty lab still has the operator, so it is written back, not deleted.
        Topology emptied = Topology.empty().toBuilder().version(2).idSequence(17).build();

        repository.commit(1, emptied, everything, Labs.entry(2, "delete everything"));

        assertThat(repository.load()).isEqualTo(emptied);
        assertThat(count("SELECT COUNT(*) FROM platform_nics")).isZero();
        assertThat(count("SELECT COUNT(*) FROM instance_tags")).isZero();
    }

    @Test
    void onlyTheTouchedObjectsAreWritten() {
        Topology rich = commitRich();
        ServicePlatform biggerHostB = new ServicePlatform(platformId("host-b"), "zone-2", 8, Labs.hostB().nics());
        InterfaceRecord.Builder fw = Labs.vifFirewall().toBuilder();
        fw.description = "changed but not named as touched";
        Topology after = rich.toBuilder().putPlatform(biggerHostB).putInterface(fw.build()).version(2).build();

        repository.commit(1, after, Set.of(platformId("host-b")), Labs.entry(2, "grow host-b"));

        assertThat(repository.load()).isEqualTo(rich.toBuilder().putPlatform(biggerHostB).version(2).build());
    }

    // ---- the version check and failures --------------------------------------------------------------

    @Test
    void staleVersionIsRefusedAndChangesNothing() {
        Topology v1 = commitRich();
        Topology v2 = Labs.commit(repository, v1, "remove att-3", b -> b.removeAttachment(attachmentId("att-3")));
        List<JournalEntry> journal = repository.journal();

        // A second change computed from v1, as a coordinator with a stale snapshot would make it.
        Topology.Builder stale = v1.toBuilder().removeInterface(interfaceId("vif-fw"));
        Topology staleAfter = stale.version(2).build();

        assertThatThrownBy(() -> repository.commit(1, staleAfter, stale.touched(), Labs.entry(2, "stale")))
                .isInstanceOf(ConcurrentChangeException.class)
                .hasMessageContaining("no longer at version 1")
                .hasMessageContaining("at 2");

        assertThat(repository.version()).isEqualTo(2);
        assertThat(repository.load()).isEqualTo(v2);
        assertThat(repository.journal()).isEqualTo(journal);
        // The connection is still good for the next, correct commit.
        Topology v3 = Labs.commit(repository, v2, "remove vif-fw", b -> b.removeInterface(interfaceId("vif-fw")));
        assertThat(repository.load()).isEqualTo(v3);
    }

    @Test
    void databaseErrorRollsBackTheWholeCommit() {
        Topology v1 = commitRich();
        List<JournalEntry> journal = repository.journal();
        // A constraint the model knows nothing of makes the interface row fail after the version
        // row, the partition and the attachment have been written in the same transaction.
        execute("ALTER TABLE interfaces ADD CONSTRAINT test_refuses_this_description CHECK (description <> 'refused')");
        InterfaceRecord.Builder refused = Labs.vifFirewall().toBuilder();
        refused.description = "refused";
        Topology.Builder b = v1.toBuilder()
                .putPartition(new Partition(partitionId("vpc-c"), Labs.ALICE, cidr("10.2.0.0/16"), false,
                        Optional.empty(), securityGroupId("vpc-c-default")))
                .removeAttachment(attachmentId("att-1"))
                .putInterface(refused.build());
        Topology after = b.version(2).build();

        assertThatThrownBy(() -> repository.commit(1, after, b.touched(), Labs.entry(2, "refused")))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("cannot commit version 2 (refused)")
                .hasCauseInstanceOf(SQLException.class);

        assertThat(repository.version()).isEqualTo(1);
        assertThat(repository.load()).isEqualTo(v1);
        assertThat(repository.journal()).isEqualTo(journal);
        Topology v2 = Labs.commit(repository, v1, "a sane change", x -> x.removeAttachment(attachmentId("att-1")));
        assertThat(repository.load()).isEqualTo(v2);
    }

    @Test
    void idOfAnUnknownKindIsRefusedBeforeAnythingIsWritten() {
        Topology v1 = commitRich();
        Topology.Builder b = v1.toBuilder().removeAttachment(attachmentId("att-1"));
        Topology after = b.version(2).build();
        Set<Object> touched = new HashSet<>(b.touched());
        touched.add(nicId("nic-a1"));

        assertThatThrownBy(() -> repository.commit(1, after, touched, Labs.entry(2, "odd")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("NicId");

        assertThat(repository.load()).isEqualTo(v1);
        Topology v2 = Labs.commit(repository, v1, "fine", x -> x.removeAttachment(attachmentId("att-1")));
        assertThat(repository.load()).isEqualTo(v2);
    }

    @Test
    void commitMustMoveTheVersionForwardAndMatchItsJournalEntry() {
        Topology same = Topology.empty();
        assertThatThrownBy(() -> repository.commit(0, same, Set.of(), Labs.entry(0, "nothing")))
                .isInstanceOf(IllegalArgumentException.class);
        Topology next = Topology.empty().toBuilder().version(1).build();
        assertThatThrownBy(() -> repository.commit(0, next, Set.of(), Labs.entry(5, "wrong entry")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(repository.version()).isZero();
    }

    @Test
    void secondRepositoryOnTheSameLabSeesCommitsAndIsStoppedByTheVersionCheck() {
        try (H2Repository other = H2Repository.open(repository.url())) {
            Topology v1 = commitRich();
            assertThat(other.version()).isEqualTo(1);
            assertThat(other.load()).isEqualTo(v1);

            Topology v2 = Labs.commit(other, v1, "other removes att-1", b -> b.removeAttachment(attachmentId("att-1")));
            assertThatThrownBy(() -> Labs.commit(repository, v1, "this one too", b -> b.removeAttachment(attachmentId("att-2"))))
                    .isInstanceOf(ConcurrentChangeException.class);

            assertThat(repository.load()).isEqualTo(v2);
        }
    }

    @Test
    void ofTwoWritersRacingFromTheSameVersionExactlyOneWins() throws Exception {
        Topology base = commitRich();
        try (H2Repository other = H2Repository.open(repository.url())) {
            ExecutorService pool = Executors.newFixedThreadPool(2);
            try {
                for (int round = 0; round < 8; round++) {
                    Topology start = base;
                    Topology.Builder mine = start.toBuilder().removeAttachment(attachmentId("att-1"));
                    Topology.Builder theirs = start.toBuilder().removeAttachment(attachmentId("att-2"));
                    long next = start.version() + 1;
                    Topology myAfter = mine.version(next).build();
                    Topology theirAfter = theirs.version(next).build();
                    CyclicBarrier barrier = new CyclicBarrier(2);
                    Future<Boolean> me = pool.submit(() -> tryCommit(barrier, repository, start, myAfter, mine.touched()));
                    Future<Boolean> them = pool.submit(() -> tryCommit(barrier, other, start, theirAfter, theirs.touched()));

                    boolean iWon = me.get(30, TimeUnit.SECONDS);
                    boolean theyWon = them.get(30, TimeUnit.SECONDS);

                    assertThat(iWon).as("round %d: exactly one winner", round).isNotEqualTo(theyWon);
                    Topology winner = iWon ? myAfter : theirAfter;
                    assertThat(repository.load()).isEqualTo(winner);
                    assertThat(repository.journal()).hasSize((int) next);
                    // Put both attachments back for the next round.
                    base = Labs.commit(repository, winner, "restore", b -> b
                            .putAttachment(start.attachment(attachmentId("att-1")).orElseThrow())
                            .putAttachment(start.attachment(attachmentId("att-2")).orElseThrow()));
                }
            } finally {
                pool.shutdownNow();
            }
        }
    }

    private static boolean tryCommit(CyclicBarrier barrier, H2Repository repository, Topology before, Topology after,
                                     Set<Object> touched) throws Exception {
        barrier.await(30, TimeUnit.SECONDS);
        try {
            repository.commit(before.version(), after, touched, Labs.entry(after.version(), "race"));
            return true;
        } catch (ConcurrentChangeException lost) {
            return false;
        }
    }

    // ---- the journal ------------------------------------------------------------------------------

    @Test
    void journalKeepsEveryEntryInOrderAndFindsClientTokens() {
        Topology v1 = commitRich();
        Topology.Builder b = v1.toBuilder().removeAttachment(attachmentId("att-2"));
        Topology v2 = b.version(2).build();
        JournalEntry detach = new JournalEntry(2, Labs.BOB, "detach att-2", "configOps: [hypervisor@host-a unplug]",
                Instant.parse("2026-11-25T11:00:00.000000001Z"), Optional.of("token-1"));
        repository.commit(1, v2, b.touched(), detach);
        Topology.Builder c = v2.toBuilder().removeAttachment(attachmentId("att-3"));
        JournalEntry other = new JournalEntry(3, Labs.ALICE, "detach att-3", "", Instant.EPOCH, Optional.of("token-2"));
        repository.commit(2, c.version(3).build(), c.touched(), other);

        List<JournalEntry> journal = repository.journal();

        assertThat(journal).containsExactly(Labs.entry(1, "build the rich lab"), detach, other);
        assertThat(repository.findByClientToken("token-1")).contains(detach);
        assertThat(repository.findByClientToken("token-2")).contains(other);
        assertThat(repository.findByClientToken("token-3")).isEmpty();
        assertThat(repository.version()).isEqualTo(3);
    }

    @Test
    void aTokenRepeatedInOneBatchIsFoundAtItsFirstEntry() {
        Topology v1 = commitRich();
        Topology.Builder b = v1.toBuilder().removeAttachment(attachmentId("att-2"));
        Topology v2 = b.version(2).build();
        Topology.Builder c = v2.toBuilder().removeAttachment(attachmentId("att-3"));
        Set<Object> touched = new HashSet<>(b.touched());
        touched.addAll(c.touched());
        JournalEntry first = new JournalEntry(2, Labs.BOB, "detach att-2", "", Instant.EPOCH, Optional.of("same"));
        JournalEntry second = new JournalEntry(3, Labs.BOB, "detach att-3", "", Instant.EPOCH, Optional.of("same"));

        repository.commitAll(1, c.version(3).build(), touched, List.of(first, second));

        assertThat(repository.findByClientToken("same")).contains(first);
        assertThat(repository.journal()).endsWith(first, second);
    }

    // ---- speed of one-row commits ------------------------------------------------------------------

    @Test
    void attachAndDetachCommitOneRowEachAndTheBaselineLeavesTheLabAlone() {
        Topology lab = commitRich();
        for (int i = 0; i < 100; i++) {
            Attachment attachment = new Attachment(attachmentId("att-x"), interfaceId("vif-fw"), instanceId("vm-1"),
                    Topology.OPERATOR, 3, false);
            lab = Labs.commit(repository, lab, "attach", b -> b.putAttachment(attachment));
            lab = Labs.commit(repository, lab, "detach", b -> b.removeAttachment(attachmentId("att-x")));
        }
        assertThat(repository.load()).isEqualTo(lab);
        assertThat(repository.journal()).hasSize(201);

        double pairsPerSecond = repository.rawJdbcBaseline(100);

        assertThat(pairsPerSecond).isPositive();
        assertThat(count("SELECT COUNT(*) FROM raw_baseline_scratch")).isZero();
        assertThat(repository.load()).isEqualTo(lab);
        assertThatThrownBy(() -> repository.rawJdbcBaseline(0)).isInstanceOf(IllegalArgumentException.class);
    }

    // ---- life cycle --------------------------------------------------------------------------------

    @Test
    void closedRepositoryRefusesWorkAndClosesOnce() {
        repository.close();
        repository.close();
        assertThatThrownBy(() -> repository.load()).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> repository.version()).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void everyKindOfRuleAndRouteSurvives() {
        // Protocols without ports are stored as all ports; the model says so on construction.
        Rule icmp = new Rule(Protocol.ICMP, org.viflab.net.PortSet.ports("8"), RulePeer.of(cidr("10.0.0.0/8")));
        SecurityGroup group = new SecurityGroup(securityGroupId("sg-rules"), partitionId("vpc-a"), "rules",
                List.of(icmp), List.of(new Rule(Protocol.UDP, org.viflab.net.PortSet.ports("53,123,1000-2000"),
                RulePeer.of(securityGroupId("sg-rules")))));
        Subnet subnet = new Subnet(subnetId("subnet-r"), partitionId("vpc-a"), cidr("10.0.9.0/24"), "zone-1",
                List.of(new Route(cidr("10.0.9.128/25"), RouteTarget.appliance(interfaceId("blackhole")))));

        Topology after = Labs.commit(repository, Topology.empty(), "rules", b -> b.putSecurityGroup(group).putSubnet(subnet));

        assertThat(repository.load()).isEqualTo(after);
    }
}
