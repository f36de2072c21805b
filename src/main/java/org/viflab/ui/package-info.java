/**
 * The JavaFX desktop app. Views bind to view models; view models talk to the lab only.
 * {@link org.viflab.ui.VifLabApp} is the GUI's composition root, the one class here that may open a
 * repository.
 */
package org.viflab.ui;
