package dev.glimpse.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Parameters;

/**
 * A command whose options are read by the code it runs, not by picocli: everything after the command's name is
 * handed over unchanged (the tools parse their own {@code --name=value} options and report their own usage errors).
 */
abstract class PassThroughCommand implements Callable<Integer> {

    @Parameters(paramLabel = "OPTION", description = "Passed to the command unchanged; see the description above.")
    List<String> options = new ArrayList<>();

    /** Runs with the options; returns the exit code. */
    abstract int run(String[] options) throws Exception;

    @Override
    public Integer call() throws Exception {
        return run(options.toArray(String[]::new));
    }
}
