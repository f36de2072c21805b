/**
 * Immutable address values: IPv4 addresses, CIDR prefixes, MAC addresses, port sets and protocols.
 *
 * <p>Every value validates and normalises when built; {@code parse} throws an
 * {@link IllegalArgumentException} naming the bad text, {@code tryParse} returns an {@code Optional}.
 * Address maths is delegated to the IPAddress library at the parsing edge; inside the simulator an
 * address is a plain {@code int} so that lookups stay cheap.
 */
package org.viflab.net;
