/**
 * The H2 implementation of the coordinator's {@link org.viflab.coordinator.Repository} port:
 * {@link org.viflab.store.H2Repository} keeps a lab's desired state and its journal in an embedded
 * H2 database, a file for a real lab and {@code jdbc:h2:mem:} for tests.
 *
 * <p>The schema lives in the Flyway migrations under {@code db/migration} (one table per kind of
 * object, plus a table per ordered or keyed list an object holds); Java code holds only queries.
 * Values are stored in the text form the model prints and parses, so a lab file can be read with
 * any H2 console.
 *
 * <p>A commit writes the objects a request touched and the journal entry of the version it makes in
 * one transaction, and only if the version is still the one the request was computed from: the
 * journal is keyed by version, so the entry of a version another writer made first is refused. The
 * database is opened so that each commit is written before {@code commit} returns.
 *
 * <p>A lab file is looked at ({@code LabFile}) before H2 may write to it: a file
 * that is cut short, damaged, not a lab, saved by a newer VIF Lab, read-only or already open is
 * refused with a message that names it and says what to do, and is left as it was. A lab of an
 * older schema is copied beside itself before the migrations upgrade it.
 *
 * <p>This is the only package that touches {@code java.sql}; nothing outside the composition root
 * should name it.
 */
package org.viflab.store;
