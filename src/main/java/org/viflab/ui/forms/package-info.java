/**
 * Forms that create objects, validating as the user types (text that does not parse here, everything else by a coordinator dry run).
 */
package org.viflab.ui.forms;
