package ma.etamkeen.rihla.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs a class of this build in a child JVM, as a second process on the same data folder would be. */
public final class Processes {
    private Processes() {
    }

    public record Result(int exitCode, String out, String err) {
    }

    public static ProcessBuilder javaProcess(Class<?> mainClass, List<String> args) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add("-Dfile.encoding=UTF-8");
        command.add(mainClass.getName());
        command.addAll(args);
        return new ProcessBuilder(command);
    }

    public static Result run(Class<?> mainClass, String... args) throws IOException, InterruptedException {
        Process process = javaProcess(mainClass, List.of(args)).start();
        // Read both streams fully; the outputs here are small.
        var err = process.getErrorStream();
        byte[] out = process.getInputStream().readAllBytes();
        byte[] errBytes = err.readAllBytes();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("child did not finish");
        }
        return new Result(process.exitValue(), new String(out, StandardCharsets.UTF_8),
                new String(errBytes, StandardCharsets.UTF_8));
    }
}
