package org.beatbook.platform;

import java.io.PrintStream;
import java.util.List;

/**
 * A command run from the console instead of the web server, e.g.
 * {@code java -jar beatbook.jar import boundaries --level beat --code-property BEAT_NUM beats.geojson}.
 * Modules contribute commands as beans; {@link ConsoleCommands} picks one by its words.
 */
public interface ConsoleCommand {

    /** The words that name the command, e.g. {@code ["import", "boundaries"]}. */
    List<String> name();

    /** One line of usage shown by {@code help} and when the arguments are wrong. */
    String usage();

    /**
     * Runs the command with the arguments that follow its name.
     * @return the process exit code: 0 on success, 1 when the input was rejected, 2 for wrong usage
     */
    int run(List<String> arguments, PrintStream out, PrintStream err);
}
