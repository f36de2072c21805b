package org.viflab.cli;

import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.Callable;
import org.viflab.flow.Endpoint;
import org.viflab.flow.Flow;
import org.viflab.flow.Hop;
import org.viflab.flow.Trace;
import org.viflab.lab.Lab;
import org.viflab.net.Protocol;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code viflab trace --db LAB FROM TO PROTOCOL [PORT]}: where one flow lands in a saved lab, hop by hop. */
@Command(name = "trace", mixinStandardHelpOptions = true,
        description = {"Trace one flow in a saved lab and print its hops, disposition and explanation.",
                "FROM: an instance or interface id, internet[:IP] or vpn:PARTITION[:IP];",
                "TO: an IP address, an interface id or an instance id."})
final class TraceCommand implements Callable<Integer> {

    private final CommandLineInterface cli;

    @Option(names = "--db", paramLabel = "PATH|JDBC-URL", description = "The lab (default: the default lab).")
    String database;

    @Parameters(index = "0", paramLabel = "FROM")
    String from;

    @Parameters(index = "1", paramLabel = "TO")
    String to;

    @Parameters(index = "2", paramLabel = "PROTOCOL", description = "tcp, udp or icmp")
    String protocol;

    @Parameters(index = "3", arity = "0..1", paramLabel = "PORT")
    Integer port;

    @Option(names = "--src-port", paramLabel = "PORT")
    Integer sourcePort;

    TraceCommand(CommandLineInterface cli) {
        this.cli = cli;
    }

    @Override
    public Integer call() {
        Flow flow;
        try {
            flow = new Flow(Endpoint.parse(from), Endpoint.parse(to), Protocol.parse(protocol), port == null ? 0 : port,
                    sourcePort == null ? OptionalInt.empty() : OptionalInt.of(sourcePort));
        } catch (IllegalArgumentException e) {
            cli.err().println(e.getMessage());
            return CommandLineInterface.INVALID_INPUT;
        }
        try (Lab lab = Labs.openOrDefault(Optional.ofNullable(database))) {
            Trace trace = lab.trace(flow);
            cli.out().println(flow);
            for (Hop hop : trace.hops()) {
                cli.out().println("  " + hop);
            }
            cli.out().println(trace.disposition() + " — " + trace.explanation().sentence());
            return CommandLineInterface.OK;
        } catch (IllegalArgumentException e) {
            cli.err().println(e.getMessage());
            return CommandLineInterface.INVALID_INPUT;
        }
    }
}
