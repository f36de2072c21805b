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
        int code = cli.execute(args);
        GuiLaunch launch = cli.guiLaunch();
        if (launch != null) {
            org.viflab.ui.VifLabApp.start(launch.database(), launch.scenario());
            return;
        }
        System.exit(code);
    }
}
