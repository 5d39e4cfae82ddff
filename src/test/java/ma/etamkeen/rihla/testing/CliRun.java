package ma.etamkeen.rihla.testing;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import ma.etamkeen.rihla.LaunchOptions;
import ma.etamkeen.rihla.cli.Cli;
import ma.etamkeen.rihla.i18n.Language;

/** One command-line run in English on a data folder, in this process: its exit code and what it printed. */
public record CliRun(int code, String out, String err) {

    /** Runs {@code rihla --db folder words...}. */
    public static CliRun on(Path folder, String... words) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Cli cli = new Cli(Language.EN, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        List<String> args = new ArrayList<>(List.of("--db", folder.toString()));
        args.addAll(List.of(words));
        try {
            int code = cli.run(LaunchOptions.parse(args));
            return new CliRun(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } catch (LaunchOptions.UsageException e) {
            throw new AssertionError(e);
        }
    }
}
