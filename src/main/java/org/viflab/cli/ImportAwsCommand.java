package org.viflab.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.viflab.scenario.AwsImport;
import org.viflab.scenario.ScenarioException;
import org.viflab.scenario.ScenarioWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code viflab import-aws DIR [-o FILE]}: a scenario from the JSON that {@code aws ec2 describe-*} prints. */
@Command(name = "import-aws", mixinStandardHelpOptions = true,
        description = {"Build a scenario from the outputs of aws ec2 describe-vpcs, describe-subnets,",
                "describe-security-groups, describe-instances and describe-network-interfaces (--output json),",
                "one or more per *.json file in DIR. What a scenario cannot hold is listed on stderr."})
final class ImportAwsCommand implements Callable<Integer> {

    private final CommandLineInterface cli;

    @Parameters(index = "0", paramLabel = "DIR", description = "Folder of *.json files.")
    Path directory;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write the scenario here (default: stdout).")
    Path output;

    ImportAwsCommand(CommandLineInterface cli) {
        this.cli = cli;
    }

    @Override
    public Integer call() {
        AwsImport.Result result;
        try {
            result = AwsImport.fromDirectory(directory);
        } catch (ScenarioException e) {
            cli.err().println(e.getMessage());
            return CommandLineInterface.INVALID_INPUT;
        }
        for (String warning : result.warnings()) {
            cli.err().println("warning: " + warning);
        }
        if (output == null) {
            cli.out().print(ScenarioWriter.write(result.scenario()));
        } else {
            ScenarioWriter.write(result.scenario(), output);
            cli.err().println("wrote " + output);
        }
        return CommandLineInterface.OK;
    }
}
