/**
 * The JavaFX desktop app, MVVM: views build controls and bind them to view models; view models
 * talk to the lab through {@link org.viflab.ui.LabSession} (the one way the GUI changes a lab, so
 * everything done by hand is a coordinator request and an undo step).
 *
 * <p>{@link org.viflab.ui.VifLabApp} is the composition root, the one class here that knows the
 * database (it hands the rest a {@link org.viflab.ui.LabStore}). {@link org.viflab.ui.MainViewModel}
 * owns the window's state and wires the parts: the canvas ({@code ui.canvas}), the inspector
 * ({@code ui.inspector}), forms ({@code ui.forms}), the log ({@code ui.log}), where traffic lands
 * ({@code ui.flows}) and scenarios ({@code ui.scenario}). Words come from the {@code messages}
 * bundles (English, Japanese), looks from {@code base.css} plus a theme sheet.
 * {@link org.viflab.ui.CanvasBenchmark} measures the canvas on a large lab.
 *
 * <p>Failures reach the user through {@link org.viflab.ui.Notifier}: what the user can act on (a
 * refused lab file, a full disk) in plain words, bugs in an error dialog; exceptions nobody caught
 * on the FX thread go through {@code UncaughtErrors} (ADR 0007).
 */
package org.viflab.ui;
