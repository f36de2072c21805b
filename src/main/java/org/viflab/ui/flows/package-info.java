/**
 * Where traffic lands: the watched flows, the hop list of a trace, and the flow editor with the animated packet.
 */
package org.viflab.ui.flows;
