/**
 * The coordinator: the one writer of a lab. It takes {@link org.viflab.coordinator.Request requests}
 * from the GUI, scenarios and the command line, validates them (existence, rules, authorization),
 * and either rejects one with an AWS-style {@link org.viflab.coordinator.ErrorCode} and nothing
 * changed, or applies it in one repository transaction and reports the configuration operations it
 * initiated for the fabric.
 *
 * <p>The {@link org.viflab.coordinator.Repository} port is implemented by {@code store}; this
 * package never touches SQL.
 */
package org.viflab.coordinator;
