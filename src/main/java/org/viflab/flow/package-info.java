/**
 * Where traffic lands: flows, their resolution against a topology, the tracer that walks them
 * through the fabric, traces, watched flows and monitoring counters.
 *
 * <p>{@link org.viflab.flow.FlowResolver} turns a user's {@link org.viflab.flow.Flow} into a
 * {@link org.viflab.flow.ResolvedFlow} (sending interface, addresses, partition) using the topology;
 * {@link org.viflab.flow.FlowTracer} then reads only the {@link org.viflab.fabric.Fabric} and returns
 * an immutable {@link org.viflab.flow.Trace}: hops, a {@link org.viflab.flow.Disposition} and an
 * {@link org.viflab.flow.Explanation} a student can read. {@link org.viflab.flow.WatchedFlows} traces
 * pinned flows again when an operation may change where they land and reports what changed;
 * {@link org.viflab.flow.Counters} counts traced packets per interface.
 * {@link org.viflab.flow.TraceBenchmark} measures the tracer on a 10,000-interface topology.
 *
 * <p>Depends on {@code fabric}, {@code model} and {@code net} only.
 */
package org.viflab.flow;
