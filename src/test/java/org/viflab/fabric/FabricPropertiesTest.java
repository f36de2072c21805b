package org.viflab.fabric;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.viflab.model.ConfigOperation;
import org.viflab.model.Topology;

class FabricPropertiesTest {

    @Provide
    Arbitrary<Long> seeds() {
        return Arbitraries.longs();
    }

    @Provide
    Arbitrary<List<Integer>> chunks() {
        return Arbitraries.integers().between(0, 12).list().ofMinSize(1).ofMaxSize(20);
    }

    @Property(tries = 300)
    void applyingTheEmittedOperationsGivesTheCompiledFabric(@ForAll("seeds") long seed) {
        Topology topology = RandomTopologies.generate(seed);
        Fabric compiled = Fabric.compile(topology);
        Fabric applied = new Fabric();
        applied.applyAll(EmittedOps.of(topology));
        assertThat(applied.differences(compiled)).isEmpty();
        assertThat(applied).isEqualTo(compiled);
        assertThat(applied.hashCode()).isEqualTo(compiled.hashCode());
    }

    @Property(tries = 200)
    void anyChunkingOfStepwisePropagationEndsAtTheCompiledFabric(@ForAll("seeds") long seed,
                                                                 @ForAll("chunks") List<Integer> chunks) {
        Topology topology = RandomTopologies.generate(seed);
        List<ConfigOperation> ops = EmittedOps.of(topology);
        Propagation propagation = new Propagation(new Fabric(), Propagation.Mode.STEPWISE);
        // Submit in a few submissions, as successive requests would.
        int cut = ops.size() / 2;
        propagation.submit(ops.subList(0, cut), Set.of(), Set.of());
        propagation.submit(ops.subList(cut, ops.size()), Set.of(), Set.of());
        List<ConfigOperation> appliedInOrder = new ArrayList<>();
        for (int n : chunks) {
            appliedInOrder.addAll(propagation.propagate(n));
        }
        appliedInOrder.addAll(propagation.drain());
        assertThat(appliedInOrder).isEqualTo(ops);
        assertThat(propagation.pending()).isEmpty();
        assertThat(propagation.fabric().differences(Fabric.compile(topology))).isEmpty();
        assertThat(propagation.fabric()).isEqualTo(Fabric.compile(topology));
    }

    @Property(tries = 100)
    void applyingEveryOperationTwiceChangesNothing(@ForAll("seeds") long seed) {
        Topology topology = RandomTopologies.generate(seed);
        Fabric twice = new Fabric();
        for (ConfigOperation op : EmittedOps.of(topology)) {
            twice.apply(op);
            twice.apply(op);
        }
        assertThat(twice).isEqualTo(Fabric.compile(topology));
    }

    @Property(tries = 100)
    void aCopyIsEqualAndIndependent(@ForAll("seeds") long seed) {
        Fabric fabric = Fabric.compile(RandomTopologies.generate(seed));
        Fabric copy = fabric.copy();
        assertThat(copy).isEqualTo(fabric);
        copy.apply(new ConfigOperation.PartitionOp(org.viflab.model.PartitionId.partitionId("vpc-new"), true,
                org.viflab.net.Ipv4Prefix.parse("10.99.0.0/16"), false, null));
        assertThat(copy).isNotEqualTo(fabric);
        assertThat(fabric.partition(org.viflab.model.PartitionId.partitionId("vpc-new"))).isNull();
    }
}
