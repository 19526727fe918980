package org.ofdft.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * Entry point of the {@code ofdft} command. Errors in the input are reported as one line on
 * stderr with a non-zero exit code, never as a stack trace (set OFDFT_DEBUG=1 to see it).
 */
@Command(name = "ofdft",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Orbital-free and Kohn-Sham DFT with machine-learned functionals (Hartree atomic units).",
        subcommands = {ScfCommand.class, DataCommand.class, TrainCommand.class, EvaluateCommand.class,
                LearnCommand.class, InfoCommand.class,
                CommandLine.HelpCommand.class})
public final class Main implements Runnable {

    /** Exit code for a failed run (bad input, a missing file, a failed calculation). */
    public static final int EXIT_FAILURE = 1;
    /** Exit code for a command line that could not be parsed. */
    public static final int EXIT_USAGE = 2;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Runs the command line and returns the exit code (does not exit). */
    public static int execute(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine commandLine = new CommandLine(new Main());
        commandLine.setOut(out);
        commandLine.setErr(err);
        commandLine.setExecutionExceptionHandler((exception, cmd, parseResult) -> {
            String message = exception.getMessage() == null ? exception.toString() : exception.getMessage();
            if (exception instanceof java.io.IOException && !(exception instanceof java.nio.file.NoSuchFileException)) {
                message = "I/O error: " + message;
            } else if (exception instanceof java.nio.file.NoSuchFileException) {
                message = "file not found: " + message;
            }
            cmd.getErr().println(cmd.getCommandSpec().qualifiedName() + ": error: " + message);
            if (System.getenv("OFDFT_DEBUG") != null) {
                exception.printStackTrace(cmd.getErr());
            }
            return EXIT_FAILURE;
        });
        commandLine.setParameterExceptionHandler((exception, strings) -> {
            CommandLine cmd = exception.getCommandLine();
            cmd.getErr().println("ofdft: error: " + exception.getMessage());
            cmd.getErr().println("Try '" + cmd.getCommandSpec().qualifiedName() + " --help' for more information.");
            return EXIT_USAGE;
        });
        int code = commandLine.execute(args);
        out.flush();
        err.flush();
        return code;
    }

    public static void main(String[] args) {
        int code = execute(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true));
        // Explicit exit: no library thread pool may keep the JVM alive after the command finished.
        System.exit(code);
    }
}
