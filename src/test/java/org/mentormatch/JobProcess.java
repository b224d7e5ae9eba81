package org.mentormatch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.regex.Pattern;

/**
 * A {@code jobs/*.sh} command run as its own process, as a scheduler or a user runs it: its output
 * goes to a file the test can watch, and it can be killed with SIGKILL at a chosen moment.
 */
public final class JobProcess {
  /** How long any one command may take on a slow, shared CI machine before the test gives up. */
  public static final Duration PATIENCE = Duration.ofMinutes(15);

  private final Process process;
  private final Path log;
  private final String command;

  private JobProcess(Process process, Path log, String command) {
    this.process = process;
    this.log = log;
    this.command = command;
  }

  /**
   * Starts {@code jobs/<script>} with {@code args}, its standard output and error both going to
   * {@code log}; {@code env} is added to this JVM's environment.
   */
  public static JobProcess start(Path log, Map<String, String> env, String script, String... args)
      throws IOException {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of("jobs", script).toAbsolutePath().toString());
    cmd.addAll(List.of(args));
    ProcessBuilder pb =
        new ProcessBuilder(cmd)
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
    pb.environment().putAll(env);
    return new JobProcess(pb.start(), log, String.join(" ", cmd));
  }

  /** Runs {@code jobs/<script>} to its end and returns what it printed; fails unless it exits 0. */
  public static String run(Path log, Map<String, String> env, String script, String... args)
      throws IOException {
    JobProcess p = start(log, env, script, args);
    int code = p.waitFor();
    if (code != 0) {
      throw new AssertionError(p.command + " exited " + code + ":\n" + p.output());
    }
    return p.output();
  }

  /** The process id (the JVM's: the scripts exec java). */
  public long pid() {
    return process.pid();
  }

  /** Everything it printed so far. */
  public String output() {
    try {
      return Files.readString(log, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Whether a line of its output so far matches {@code regex} (anywhere in the line). */
  public boolean printed(String regex) {
    return Pattern.compile(regex, Pattern.MULTILINE).matcher(output()).find();
  }

  /** Whether it has ended. */
  public boolean ended() {
    return !process.isAlive();
  }

  /**
   * Waits until {@code condition} holds, polling every few milliseconds; fails if the process ends
   * first or it takes longer than {@link #PATIENCE}.
   */
  public void await(String what, BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + PATIENCE.toNanos();
    while (!condition.getAsBoolean()) {
      if (!process.isAlive()) {
        if (condition.getAsBoolean()) {
          return;
        }
        throw new AssertionError(
            command
                + " ended (exit "
                + process.exitValue()
                + ") before "
                + what
                + ":\n"
                + output());
      }
      if (System.nanoTime() > deadline) {
        process.destroyForcibly();
        throw new AssertionError("gave up waiting for " + what + " after " + PATIENCE);
      }
      Thread.sleep(5);
    }
  }

  /** Sends SIGKILL, as the kernel's OOM killer or a lost machine would, and waits for the end. */
  public void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor();
  }

  /** Sends SIGKILL without waiting: ends what a failed test left running. */
  public void destroy() {
    process.destroyForcibly();
  }

  /** Waits for the end and returns the exit code. */
  public int waitFor() {
    try {
      if (!process.waitFor(PATIENCE.toMillis(), TimeUnit.MILLISECONDS)) {
        process.destroyForcibly();
        throw new AssertionError(command + " did not end within " + PATIENCE + ":\n" + output());
      }
      return process.exitValue();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
      throw new AssertionError("interrupted", e);
    }
  }

  /** The pattern of the progress line a stage prints when it ends ({@code 12:00:01 ingest ...}). */
  public static String stageLine(String stage) {
    return "^\\d\\d:\\d\\d:\\d\\d " + Pattern.quote(stage) + " ";
  }
}
