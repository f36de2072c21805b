/**
 * The topology canvas: a pure layout of a topology snapshot ({@link org.viflab.ui.canvas.TopologyLayout}), its keyed projection onto JavaFX nodes with culling and levels of detail ({@link org.viflab.ui.canvas.TopologyCanvas}), drawn from cached tiles of the nodes' off-screen twins (ADR 0008), and the view model that plans drops and asks the coordinator for dry runs.
 */
package org.viflab.ui.canvas;
