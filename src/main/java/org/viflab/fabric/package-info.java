/**
 * The realized state of the simulated provider network: what its devices have been programmed with.
 *
 * <p>{@link org.viflab.fabric.Fabric} holds a table per partition (gateways, mapping table, NAT
 * table, security-group rules), a router per subnet and a hypervisor per service platform (NICs,
 * running instances, plugs, loaded groups). It changes only by applying
 * {@link org.viflab.model.ConfigOperation configuration operations};
 * {@link org.viflab.fabric.Fabric#compile} builds independently what a topology should produce, so
 * that "once the queue is empty, the fabric equals the compiled topology" can be checked.
 * {@link org.viflab.fabric.Propagation} applies operations at once or queues them for stepwise
 * propagation. {@link org.viflab.fabric.FabricKey} names what an operation changes, so that readers
 * (watched flows) know what to look at again.
 *
 * <p>Depends only on {@code model} and {@code net}; it never calls the coordinator.
 */
package org.viflab.fabric;
