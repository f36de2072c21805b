package org.viflab.store;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Run in a child JVM by {@link LabFileProblemsTest}: another VIF Lab that has the lab file named by
 * its argument open. Prints {@code OPEN} once it holds the file, and closes it when its standard
 * input ends.
 */
final class LabHolder {

    private LabHolder() {
    }

    public static void main(String[] args) throws Exception {
        try (H2Repository repository = H2Repository.open(Path.of(args[0]))) {
            System.out.println("OPEN " + repository.version());
            System.out.flush();
            BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            while (in.readLine() != null) {
                // Hold the lab until the parent closes our input.
            }
        }
        System.out.println("CLOSED");
        System.out.flush();
    }
}
