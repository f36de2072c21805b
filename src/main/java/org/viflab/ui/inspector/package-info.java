/**
 * The inspector: every field of the selected object, from the lab's shared field vocabulary, editable where the coordinator allows.
 */
package org.viflab.ui.inspector;
