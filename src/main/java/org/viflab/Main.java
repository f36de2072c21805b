package org.viflab;

import org.viflab.cli.CommandLineInterface;
import org.viflab.cli.GuiLaunch;

/**
 * The composition root: the {@code viflab} command. Every command is parsed by the command line
 * interface; the desktop app is started here because the command line may not depend on the GUI.
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        CommandLineInterface cli = new CommandLineInterface();
        cli.addBenchmark(Main::canvasFigures);
        int code = cli.execute(args);
        GuiLaunch launch = cli.guiLaunch();
        if (launch != null) {
            org.viflab.ui.VifLabApp.start(launch.database(), launch.scenario());
            return;
        }
        System.exit(code);
    }

    /**
     * The canvas's figures for {@code viflab bench}. Without a display the canvas is drawn headless
     * with software rendering (Monocle), as the benchmark asks.
     */
    private static java.util.List<org.viflab.bench.Figure> canvasFigures(int instances, int interfaces) {
        String display = System.getenv("DISPLAY");
        if (display == null || display.isBlank()) {
            System.setProperty("glass.platform", "Monocle");
            System.setProperty("monocle.platform", "Headless");
            System.setProperty("prism.order", "sw");
            System.setProperty("prism.text", "t2k");
            System.setProperty("headless.geometry", "1920x1200-32");
        }
        return org.viflab.ui.VifLabApp.benchmark(instances, interfaces);
    }
}
