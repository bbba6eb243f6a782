package io.tagcf.bench.process;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A {@code tagcf} command in a JVM of its own, on this JVM's class path, its output in a log file. */
public final class TagcfProcess {
  private TagcfProcess() {}

  /**
   * Starts {@code tagcf <arguments>} with {@code env} added to this process's environment.
   *
   * @param jvmOptions e.g. {@code -Xmx4g}, a GC log
   * @param log where its standard output and error go (replaced)
   */
  public static Process start(List<String> jvmOptions, List<String> arguments, Map<String, String> env, Path log)
      throws IOException {
    Files.createDirectories(log.toAbsolutePath().getParent());
    // The class path goes in an argument file: ONNX Runtime 1.29 crashes (SIGSEGV, no hs_err) in
    // a process whose command line is longer than about 4 KB, and a test's class path is longer.
    Path argumentFile = log.resolveSibling(log.getFileName() + ".args");
    String classPath = System.getProperty("java.class.path").replace("\\", "\\\\").replace("\"", "\\\"");
    Files.writeString(argumentFile, "-cp \"" + classPath + "\"\n", StandardCharsets.UTF_8);
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(jvmOptions);
    command.add("@" + argumentFile.toAbsolutePath());
    command.add("io.tagcf.ops.TagcfCommand");
    command.addAll(arguments);
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
    builder.environment().putAll(env);
    return builder.start();
  }
}
