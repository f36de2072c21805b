/**
 * The objects of the simulated provider network, as immutable records with typed ids, and the
 * {@link org.viflab.model.Topology} snapshot that holds one consistent state of them.
 *
 * <p>{@link org.viflab.model.ConfigOperation} lives here because the coordinator emits it and the
 * fabric applies it: it belongs to neither. {@link org.viflab.model.Sentence} lives here for the
 * same reason: the coordinator, the tracer and the store say sentences that the UI reads in its
 * language and every other caller in English (ADR 9).
 */
package org.viflab.model;
